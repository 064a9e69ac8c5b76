/** "1 file", "3 files": shared by the rubric's reasons and export and by everything that shows counts. */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
