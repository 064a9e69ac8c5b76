// The scorecard's accessibility: axe-core on the webview's document, empty and filled (the "How
// they worked" card too, its commits listed and one pinned), in the
// default, high-contrast, light and dark themes; the chosen level told apart from the others by
// more than colour; and the README's keyboard claim, a level chosen, a note written and the review
// copied without the mouse. Last of the suites: it switches the user's colour theme, though it ends
// on code-server's default.

import fs from 'node:fs';
import path from 'node:path';
import { eventually } from '../support/eventually.mjs';
import { failureDir, root, stepsBuildingOnEachOther, workbenchOnCopy } from './session.mjs';
import { assert, delay } from './workbench.mjs';

const SECOND = 1000;

/** axe-core's impacts that fail the check; minor and moderate ones are printed only. */
const FAILING_IMPACTS = new Set(['serious', 'critical']);

/**
 * The themes the panel is checked in: their ids (the values of workbench.colorTheme), their labels in
 * "Preferences: Color Theme" and the kind the webview is told. The last one, code-server's default,
 * stays on.
 */
const THEMES = [
  { id: 'Default High Contrast', label: 'Dark High Contrast', kind: 'vscode-high-contrast' },
  { id: 'Default High Contrast Light', label: 'Light High Contrast', kind: 'vscode-high-contrast-light' },
  { id: 'Default Dark Modern', label: 'Dark Modern', kind: 'vscode-dark' },
  { id: 'Default Light Modern', label: 'Light Modern', kind: 'vscode-light' },
];

/** WCAG 2.2, 1.4.11: the least contrast a control's visual state needs against what is next to it. */
const NON_TEXT_CONTRAST = 3;

const KEYBOARD_NOTE = 'Typed without the mouse: the error type is a String, so callers cannot match on it.';
const MAX_TAB_PRESSES = 80;

// ---------------------------------------------------------------------------------------------
// axe-core

let axeSource;

/**
 * Runs axe-core in the scorecard's document. The script is evaluated through the browser's
 * automation, which the webview's Content Security Policy does not govern: a <script> tag would be
 * blocked, as it should be.
 */
async function axeViolations(frame) {
  axeSource ??= fs.readFileSync(path.join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  const loaded = await frame.evaluate(`${axeSource}\n;typeof window.axe === 'object'`);
  if (!loaded) throw new Error('axe-core did not load in the scorecard frame');
  return frame.evaluate(async () => {
    const results = await window.axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({ target: node.target.join(' '), summary: node.failureSummary?.split('\n').slice(1, 3).join(' ').trim() })),
    }));
  });
}

function describeViolations(violations) {
  return violations.flatMap((violation) => [
    `${violation.impact}: ${violation.id} (${violation.help}), ${violation.nodes.length} element(s)`,
    ...violation.nodes.slice(0, 3).map((node) => `    ${node.target}: ${node.summary}`),
  ]);
}

/** Prints every violation, and fails on the serious and critical ones. */
async function expectNoSeriousViolations(workbench, where) {
  const { inner } = await workbench.webviewFrames();
  const violations = await axeViolations(inner);
  for (const line of describeViolations(violations)) console.log(`      axe ${where}: ${line}`);
  const failing = violations.filter((violation) => FAILING_IMPACTS.has(violation.impact));
  assert(failing.length === 0, `axe-core found ${failing.length} serious or critical violation(s) ${where}:\n${describeViolations(failing).join('\n')}`);
}

// ---------------------------------------------------------------------------------------------
// Themes and colours

/** Types `text` into the open quick input and moves down to the row labelled exactly `label`, and picks it. */
async function pickQuickInputRow(workbench, text, label) {
  const { page } = workbench;
  const input = page.locator('.quick-input-widget input.input');
  await input.fill(text);
  const rows = page.locator('.quick-input-list .monaco-list-row');
  await rows.filter({ hasText: label }).first().waitFor({ state: 'visible' });
  const focusedLabel = async () => (await rows.locator('.label-name').evaluateAll((names) => names.filter((name) => name.closest('.monaco-list-row.focused')).map((name) => name.textContent)))[0]?.trim();
  const seen = [];
  for (let focused = await focusedLabel(); focused !== label; focused = await focusedLabel()) {
    seen.push(focused);
    assert(seen.length <= 10, `no row labelled "${label}" in the quick input; went through ${JSON.stringify(seen)}`);
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
}

/** "Preferences: Color Theme" from the command palette, and the theme's row picked. */
async function setColorTheme(workbench, theme) {
  const { page } = workbench;
  const input = page.locator('.quick-input-widget input.input');
  await page.keyboard.press('F1');
  await input.waitFor({ state: 'visible' });
  await pickQuickInputRow(workbench, '>Preferences: Color Theme', 'Preferences: Color Theme');
  await pickQuickInputRow(workbench, theme.label, theme.label);
  await input.waitFor({ state: 'hidden' });
}

/** Waits until the scorecard's document has taken on the theme's kind. */
async function waitForWebviewTheme(workbench, kind) {
  await eventually(
    async () => (await workbench.webviewFrames()).inner.evaluate(() => document.body.dataset.vscodeThemeKind),
    (seen) => seen === kind,
    (seen) => `the scorecard's theme kind stayed ${JSON.stringify(seen)}, expected ${JSON.stringify(kind)}`,
    15 * SECOND,
    200,
  );
}

function parseColour(text) {
  const match = /rgba?\(([^)]+)\)/.exec(text);
  if (!match) return undefined;
  const [r, g, b, a = 1] = match[1].split(/[\s,/]+/).filter(Boolean).map(Number);
  return { r, g, b, a };
}

/** `colour` painted over the opaque `under`. */
function over(colour, under) {
  const a = colour.a;
  return { r: colour.r * a + under.r * (1 - a), g: colour.g * a + under.g * (1 - a), b: colour.b * a + under.b * (1 - a), a: 1 };
}

function luminance({ r, g, b }) {
  const channel = (value) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrastRatio(first, second) {
  const [light, dark] = [luminance(first), luminance(second)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** The computed styles that make a level button look chosen or not, with the panel's background. */
async function levelButtonStyles(workbench, groupName) {
  const { inner } = await workbench.webviewFrames();
  return inner.evaluate((name) => {
    const group = [...document.querySelectorAll('[role="radiogroup"]')].find((element) => element.getAttribute('aria-label') === name);
    if (!group) return undefined;
    // The colour behind the panel: the first opaque background from the group up.
    let panel = 'rgba(0, 0, 0, 0)';
    for (let element = group; element && /rgba\(.*, 0\)$|transparent/.test(panel); element = element.parentElement) panel = getComputedStyle(element).backgroundColor;
    const buttons = [...group.querySelectorAll('[role="radio"]')].map((radio) => {
      const style = getComputedStyle(radio);
      const check = radio.querySelector('.codicon-check');
      return {
        level: radio.textContent.trim(),
        checked: radio.getAttribute('aria-checked') === 'true',
        border: `${style.borderTopWidth} ${style.borderTopStyle} ${style.borderTopColor}`,
        borderWidth: parseFloat(style.borderTopWidth),
        borderColour: style.borderTopColor,
        outline: style.outlineStyle === 'none' ? 'none' : `${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}`,
        background: style.backgroundColor,
        foreground: style.color,
        fontWeight: style.fontWeight,
        checkShown: check ? getComputedStyle(check).display !== 'none' : false,
      };
    });
    return { panel, buttons };
  }, groupName);
}

/**
 * The chosen level must be told apart from the others without relying on colour alone (a check
 * mark and a heavier border or outline), and its edge must stand out from the panel by 3:1.
 */
async function expectChosenLevelDistinct(workbench, groupName, themeLabel) {
  const styles = await levelButtonStyles(workbench, groupName);
  assert(styles, `no radio group "${groupName}"`);
  const chosen = styles.buttons.filter((button) => button.checked);
  const others = styles.buttons.filter((button) => !button.checked);
  assert(chosen.length === 1, `${groupName}: ${chosen.length} levels chosen`);
  const [selected] = chosen;
  const describe = (button) => `${button.level}: border ${button.border}, outline ${button.outline}, background ${button.background}, weight ${button.fontWeight}, check ${button.checkShown}`;
  const detail = `in ${themeLabel}, on ${styles.panel}:\n${styles.buttons.map(describe).join('\n')}`;
  assert(selected.checkShown && others.every((button) => !button.checkShown), `only the chosen level should show its check mark, ${detail}`);
  assert(
    others.every((button) => button.border !== selected.border || button.outline !== selected.outline),
    `the chosen level's border and outline are those of the others, ${detail}`,
  );
  assert(others.every((button) => button.borderWidth < selected.borderWidth || (button.outline === 'none' && selected.outline !== 'none')), `the chosen level's edge is no heavier than the others', ${detail}`);
  const panel = parseColour(styles.panel) ?? { r: 0, g: 0, b: 0, a: 1 };
  const edge = over(parseColour(selected.borderColour), panel);
  const ratio = contrastRatio(edge, panel);
  assert(ratio >= NON_TEXT_CONTRAST, `the chosen level's border has a contrast of ${ratio.toFixed(2)}:1 with the panel, under ${NON_TEXT_CONTRAST}:1, ${detail}`);
}

// ---------------------------------------------------------------------------------------------
// The keyboard

/** What has the focus in the scorecard's document: its role or tag, and its accessible name. */
async function focusedControl(workbench) {
  const { inner } = await workbench.webviewFrames();
  return inner.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body || !document.hasFocus()) return { role: 'none', name: '', group: '' };
    const labelledBy = active.id ? document.querySelector(`label[for="${active.id}"]`)?.textContent : undefined;
    const card = active.closest('section.card')?.querySelector('.card-title-text')?.textContent ?? '';
    return {
      role: active.getAttribute('role') ?? active.tagName.toLowerCase(),
      name: (active.getAttribute('aria-label') ?? labelledBy ?? active.textContent ?? '').trim(),
      group: active.closest('[role="radiogroup"]')?.getAttribute('aria-label') ?? '',
      card,
      checked: active.getAttribute('aria-checked'),
      expanded: active.getAttribute('aria-expanded'),
      // The keyboard focus must be seen, not only be there (WCAG 2.4.7).
      outlined: getComputedStyle(active).outlineStyle !== 'none' && parseFloat(getComputedStyle(active).outlineWidth) > 0,
    };
  });
}

/** Presses `key` (Tab or Shift+Tab) until the focused control matches; returns the presses it took. */
async function tabTo(workbench, key, matches, what) {
  const path = [];
  for (let presses = 1; presses <= MAX_TAB_PRESSES; presses += 1) {
    await workbench.page.keyboard.press(key);
    const focused = await focusedControl(workbench);
    path.push(`${focused.role} "${focused.name.slice(0, 30)}"`);
    if (matches(focused)) return focused;
  }
  throw new Error(`${MAX_TAB_PRESSES} presses of ${key} never reached ${what}; the focus went through: ${path.join(', ')}`);
}

/**
 * From a radio of `groupName` with the focus, moves with the arrow keys to `level`, which must not
 * choose it, and chooses it with `key` (Space or Enter).
 */
async function chooseLevelWithKeys(workbench, groupName, level, key) {
  let radio = await focusedControl(workbench);
  for (let moves = 0; radio.name !== level; moves += 1) {
    assert(radio.group === groupName && moves < 4, `the arrow keys never reached the level ${level} of ${groupName} (the focus is on ${JSON.stringify(radio)})`);
    await workbench.page.keyboard.press('ArrowRight');
    radio = await focusedControl(workbench);
  }
  assert(radio.outlined, `the focused level ${level} of ${groupName} shows no focus outline`);
  assert(radio.checked === 'false', `moving to the level ${level} of ${groupName} with the arrow keys chose it`);
  await workbench.page.keyboard.press(key);
  await eventually(
    () => focusedControl(workbench),
    (focused) => focused.checked === 'true',
    (focused) => `${key} did not choose the level ${level} of ${groupName}: ${JSON.stringify(focused)}`,
    5 * SECOND,
  );
}

async function keyboardReview(workbench) {
  const { page } = workbench;
  // The command palette, by keyboard, puts the focus into the scorecard.
  await workbench.runCommand('Focus on Scorecard View');

  const toggle = await tabTo(workbench, 'Tab', (c) => c.card === 'Error Handling' && c.role === 'button' && c.expanded !== null, 'the Error Handling card');
  if (toggle.expanded !== 'true') await page.keyboard.press('Enter');
  const expanded = await focusedControl(workbench);
  assert(expanded.expanded === 'true', `Enter did not open the Error Handling card: ${JSON.stringify(expanded)}`);

  // A level group is one Tab stop: Tab enters it, the arrows move within it, Tab leaves it.
  await tabTo(workbench, 'Tab', (c) => c.group === 'Error Handling: level', 'the Error Handling levels');
  await chooseLevelWithKeys(workbench, 'Error Handling: level', 'No', 'Space');
  await page.keyboard.press('Tab');
  const after = await focusedControl(workbench);
  assert(after.group !== 'Error Handling: level', `Tab moved within the level group instead of leaving it: ${JSON.stringify(after)}`);

  await tabTo(workbench, 'Tab', (c) => c.card === 'Error Handling' && c.role === 'textarea' && c.name === 'Notes', 'the Error Handling notes');
  await page.keyboard.type(KEYBOARD_NOTE, { delay: 5 });

  // Back up to the recommendation (leaving the notes posts them), then on to Copy Markdown.
  await tabTo(workbench, 'Shift+Tab', (c) => c.group === 'Overall recommendation', 'the overall recommendation');
  await chooseLevelWithKeys(workbench, 'Overall recommendation', 'No', 'Enter');
  await workbench.clearClipboard();
  await tabTo(workbench, 'Tab', (c) => c.role === 'button' && c.name === 'Copy Markdown', 'Copy Markdown');
  await page.keyboard.press('Enter');
  await workbench.scorecard.locator('.export-status', { hasText: 'Markdown copied' }).waitFor({ state: 'visible' });
  const markdown = await workbench.readClipboard();
  const excerpt = markdown.slice(0, 600);
  assert(/^## Recommendation: No$/m.test(markdown), `the copied review has no line "## Recommendation: No":\n${excerpt}`);
  assert(markdown.split('\n').includes('| Error Handling | 2 | No |'), `the copied review has no row "| Error Handling | 2 | No |":\n${excerpt}`);
  assert(markdown.includes(KEYBOARD_NOTE), `the copied review lacks the note typed with the keyboard:\n${excerpt}`);
}

// ---------------------------------------------------------------------------------------------
// The suite

describe('The scorecard is accessible: axe-core in four themes, and the keyboard alone', function () {
  const step = stepsBuildingOnEachOther();
  let workbench;
  let workspace;

  before(async () => ({ workspace, workbench } = await workbenchOnCopy('careless-takehome')));

  after(() => workbench?.page.close());

  step('the scorecard of a fresh review renders', async () => {
    await workbench.open(workspace);
    await workbench.openScorecard();
    await workbench.waitForScan();
  });

  it('axe-core finds no serious or critical violation in the empty scorecard', () => expectNoSeriousViolations(workbench, 'in the empty scorecard'));

  step('with the keyboard alone levels are chosen, a note written and the review copied as Markdown', () => keyboardReview(workbench));

  it('evidence is pinned from src/protocol.rs:65', async () => {
    await workbench.pinEvidence('protocol.rs', 65, 40, 'Add as evidence to Error Handling: unwrap');
    await workbench.scorecard.locator('.pinned .evidence').first().waitFor({ state: 'visible' });
  });

  it('a commit is pinned from the "How they worked" card, its list of commits left open', async () => {
    await workbench.waitForHistory();
    await workbench.pinCommit(3);
  });

  it('axe-core finds no serious or critical violation in the filled scorecard', () => expectNoSeriousViolations(workbench, 'in the filled scorecard'));

  for (const theme of THEMES) {
    it(`in ${theme.label} (${theme.id}): axe-core finds no serious or critical violation`, async () => {
      await setColorTheme(workbench, theme);
      await waitForWebviewTheme(workbench, theme.kind);
      await delay(500); // the theme's colours reach the webview with its kind; the paint follows
      // Beside a failure's evidence, not committed.
      fs.mkdirSync(failureDir, { recursive: true });
      const file = path.join(failureDir, `theme-${theme.id.toLowerCase().replace(/\s+/g, '-')}.png`);
      await workbench.page.screenshot({ path: file });
      console.log(`    wrote ${path.relative(root, file)}`);
      await expectNoSeriousViolations(workbench, `in ${theme.label}`);
    });

    it(`in ${theme.label}: the chosen level stands out from the others by more than colour`, () =>
      expectChosenLevelDistinct(workbench, 'Error Handling: level', theme.label));
  }
});
