import { fileLineLabel, questionText } from '../../presentation/scorecardText';
import type { QuestionView } from '../../presentation/scorecardView';
import { el, focusKey, richText, type Child } from '../dom';
import type { PanelContext } from './context';
import { locationButton } from './locationButton';

/** Follow-up questions with a checkbox each, the chosen ones for the export; `choose` posts a change. */
export function questionList(ctx: PanelContext, questions: QuestionView[], choose: (text: string, chosen: boolean) => void): Child[] {
  if (questions.length === 0) return [];
  const list = el('ul', 'question-list');
  questions.forEach((question, index) => {
    const id = ctx.ids.make('question');
    const box = focusKey(el('input'), `question:${index}:${question.text}`);
    box.type = 'checkbox';
    box.id = id;
    box.checked = question.chosen;
    box.addEventListener('change', () => choose(question.text, box.checked));
    // The place shows once, as the link above the question; the checkbox's name still says it.
    const place = question.location && el('span', 'visually-hidden', `${fileLineLabel(question.location)}: `);
    const label = el('label', undefined, place, richText(questionText(question)));
    label.htmlFor = id;
    const where = question.location ? locationButton(ctx, question.location, `question-location:${index}`) : undefined;
    list.append(el('li', 'question', box, el('div', 'question-body', where, label)));
  });
  const legend = el('legend', 'subheading', 'Follow-up questions');
  const hint = el('p', 'hint', 'Chosen questions are included in the export.');
  return [el('fieldset', undefined, legend, hint, list)];
}
