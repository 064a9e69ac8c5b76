// A hostile workspace: its folder, file names and code carry HTML and script, pinned as evidence;
// nothing may be injected into or run in the scorecard's webview.
import { stepsBuildingOnEachOther, workbenchOnCopy } from './session.mjs';
import { assert, assertIncludes, delay } from './workbench.mjs';

const HOSTILE_FOLDER = 'hostile-<svg onload=alert(3)>';
const HOSTILE_IMG_FILE = '<img src=x onerror=alert(1)>.rs';
const HOSTILE_IMG_CODE = 'fn f() { let s = "</script><script>alert(1)</script>"; x.unwrap(); }\n';
const HOSTILE_QUOTE_FILE = `q"'><script>alert(2)<!--.rs`;
const HOSTILE_QUOTE_CODE = [
  `// "<b>bold</b>" & 'single' <img src=x onerror=alert(5)>`,
  'pub fn g(v: &str) -> u8 {',
  `    v.parse().expect("\\"><script>alert(4)</script>")`,
  '}',
  '',
].join('\n');

describe('A hostile workspace cannot inject markup or script into the scorecard', function () {
  const step = stepsBuildingOnEachOther();
  const imgLabel = `src/${HOSTILE_IMG_FILE}:1`;
  const quoteLabel = `src/${HOSTILE_QUOTE_FILE}:3`;
  let workbench;
  let workspace;

  before(async () => {
    ({ workspace, workbench } = await workbenchOnCopy(HOSTILE_FOLDER, {
      [`src/${HOSTILE_IMG_FILE}`]: HOSTILE_IMG_CODE,
      [`src/${HOSTILE_QUOTE_FILE}`]: HOSTILE_QUOTE_CODE,
    }));
  });

  after(() => workbench?.page.close());

  step('the hostile workspace opens in Restricted Mode and its scorecard renders', async () => {
    await workbench.open(workspace);
    await workbench.expectRestrictedMode();
    await workbench.openScorecard();
    await workbench.waitForScan();
  });

  step('the dialog trap is installed in both webview frames (a probe is caught)', async () => {
    const { outer, inner } = await workbench.webviewFrames();
    for (const frame of [outer, inner]) {
      const caught = await frame.evaluate(() => {
        if (!window.__e2eTraps) return undefined;
        window.alert('e2e-probe');
        return window.__e2eTraps.dialogs.splice(0).join(', ');
      });
      assert(caught === 'alert(e2e-probe)', `the trap in ${frame.url().split('?')[0]} caught ${JSON.stringify(caught)}`);
    }
    assert(workbench.dialogs.length === 0, `the probe reached the browser: ${workbench.dialogs.join('; ')}`);
  });

  step(`evidence is pinned from ${imgLabel} and ${quoteLabel}`, async () => {
    await workbench.pinEvidence(HOSTILE_IMG_FILE, 1, HOSTILE_IMG_CODE.indexOf('unwrap') + 3, 'Add as evidence to Error Handling: unwrap');
    await workbench.pinEvidence(HOSTILE_QUOTE_FILE, 3, HOSTILE_QUOTE_CODE.split('\n')[2].indexOf('expect') + 3, 'Add as evidence to Error Handling: expect');
    await workbench.expandCard('Error Handling');
    await workbench.card('Error Handling').locator('.pinned .evidence').nth(1).waitFor({ state: 'visible' });
  });

  it('the hostile file names and code appear as text in the pinned evidence', async () => {
    const evidence = workbench.card('Error Handling').locator('.pinned .evidence');
    const locations = (await evidence.locator('button.location').allTextContents()).sort();
    assert(JSON.stringify(locations) === JSON.stringify([imgLabel, quoteLabel].sort()), `the locations read ${JSON.stringify(locations)}`);
    const snippets = (await evidence.locator('.snippet').allTextContents()).join('\n');
    assertIncludes(snippets, '"</script><script>alert(1)</script>"', 'the snippets');
    assertIncludes(snippets, '<script>alert(4)</script>', 'the snippets');
    const titles = await evidence.locator('button.location').evaluateAll((buttons) => buttons.map((b) => b.title));
    assert(titles.includes(`Open ${imgLabel}`), `the location titles are ${JSON.stringify(titles)}`);
    const repo = await workbench.scorecard.locator('.repo-name').textContent();
    assert(repo === HOSTILE_FOLDER, `the repository name reads ${JSON.stringify(repo)}`);
  });

  it('no markup was injected into the webview: no <img>, no on* attributes, no extra <script>', async () => {
    const { outer, inner } = await workbench.webviewFrames();
    const inspect = (frame) =>
      frame.evaluate(() => {
        const all = [...document.querySelectorAll('*')];
        return {
          // The one SVG the scorecard draws itself is the "How they worked" card's timeline.
          images: all
            .filter((e) => ['IMG', 'SVG', 'IFRAME', 'OBJECT', 'EMBED'].includes(e.tagName.toUpperCase()) && e.id !== 'active-frame' && e.id !== 'pending-frame')
            .filter((e) => !(e.matches('section.history-card > .history-body > svg.timeline') && document.querySelectorAll('svg').length === 1))
            .map((e) => e.outerHTML.slice(0, 120)),
          handlers: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `<${e.tagName.toLowerCase()} ${a.name}="${a.value}">`)),
          scripts: [...document.scripts].map((s) => ({ id: s.id, src: s.src, text: s.src ? '' : s.textContent })),
          text: document.body?.textContent ?? '',
        };
      });
    const innerDom = await inspect(inner);
    const outerDom = await inspect(outer);
    for (const [where, dom] of [['the scorecard', innerDom], ['the webview host', outerDom]]) {
      assert(dom.images.length === 0, `${where} has elements it should not: ${dom.images.join(' ')}`);
      assert(dom.handlers.length === 0, `${where} has event handler attributes: ${dom.handlers.join(' ')}`);
      const alerting = dom.scripts.filter((s) => /alert\(/.test(s.text) || /alert/.test(s.src));
      assert(alerting.length === 0, `${where} has a script with the workspace's code: ${JSON.stringify(alerting)}`);
    }
    // The scorecard's document: VS Code's API script and the extension's bundle, nothing else.
    const unexpected = innerDom.scripts.filter((s) => !(s.id === '_vscodeApiScript' && !s.src) && !s.src.endsWith('/dist/webview/webview.js'));
    assert(innerDom.scripts.length === 2 && unexpected.length === 0, `the scorecard's scripts: ${JSON.stringify(innerDom.scripts.map((s) => s.id || s.src))}`);
    assertIncludes(innerDom.text, HOSTILE_IMG_FILE, 'the scorecard text');
  });

  it('the Markdown export code-quotes the hostile file name', async () => {
    const markdown = await workbench.copyMarkdown();
    assertIncludes(markdown, `\`${imgLabel}\``, 'the Markdown');
    assert(workbench.dialogs.length === 0, `the browser showed dialogs: ${workbench.dialogs.join('; ')}`);
  });

  it('nothing ran: no dialog, no trapped alert, no blocked inline script', async () => {
    await delay(1000); // anything injected would have had its chance by now
    const { outer, inner } = await workbench.webviewFrames();
    const traps = [];
    for (const frame of [workbench.page.mainFrame(), outer, inner]) {
      const caught = await frame.evaluate(() => window.__e2eTraps?.dialogs ?? ['(no trap)']);
      traps.push(...caught.map((d) => `${d} in ${frame.url().split('?')[0]}`));
    }
    // An injected inline script or event handler would have been blocked by the webview's
    // Content Security Policy: the frames' reports, buffered since they loaded, must be empty.
    for (const frame of [outer, inner]) {
      const reports = await frame.evaluate(
        () =>
          new Promise((resolve) => {
            const seen = [];
            const observer = new ReportingObserver((reports) => seen.push(...reports), { types: ['csp-violation'], buffered: true });
            observer.observe();
            setTimeout(() => {
              seen.push(...observer.takeRecords());
              observer.disconnect();
              resolve(seen.map((r) => `${r.body.effectiveDirective} blocked ${r.body.blockedURL} (${r.body.sample ?? ''})`));
            }, 300);
          }),
      );
      traps.push(...reports.map((r) => `CSP violation: ${r}`));
    }
    assert(workbench.dialogs.length === 0, `the browser showed dialogs: ${workbench.dialogs.join('; ')}`);
    assert(traps.length === 0, `caught: ${traps.join('; ')}`);
  });
});
