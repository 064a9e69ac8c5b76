/** Operations that block the calling thread, by the full path a call resolves to. */
const BLOCKING_OPERATIONS: { pattern: RegExp; describe: (path: string) => string }[] = [
  { pattern: /^std::thread::sleep$/, describe: () => '`std::thread::sleep` blocks the thread' },
  { pattern: /^std::fs::(File::(open|create)|read|read_to_string|read_dir|write|copy|rename|remove_file|remove_dir|remove_dir_all|create_dir|create_dir_all|metadata|canonicalize)$/, describe: (p) => `\`${p}\` is blocking file I/O` },
  { pattern: /^std::net::(TcpStream::connect|TcpListener::bind|UdpSocket::bind)$/, describe: (p) => `\`${p}\` is blocking network I/O` },
  { pattern: /^reqwest::blocking::/, describe: (p) => `\`${p}\` is a blocking HTTP call` },
];

export function blockingOperation(path: string): string | undefined {
  return BLOCKING_OPERATIONS.find((op) => op.pattern.test(path))?.describe(path);
}
