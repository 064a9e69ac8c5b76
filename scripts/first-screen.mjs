// The first screen of the VS Code server, shared by `npm start` (scripts/demo.mjs) and the
// end-to-end test: the server's own arguments and user settings that open the workbench on the
// product, with the scorecard and the candidate's README, and without what a reviewer would close
// first (the Welcome page and code-server's advertisement on it, the Chat side bar, the Restricted
// Mode banner, the walkthrough that opens on install). Nothing of VS Code is patched.
import fs from 'node:fs';
import path from 'node:path';

/** Arguments for server-main.js: code-server's Welcome page override carries its "Deploy code-server" ad. */
export const FIRST_SCREEN_SERVER_ARGS = ['--disable-getting-started-override'];

/** The user settings of the first screen. */
export const FIRST_SCREEN_SETTINGS = {
  // No Welcome page, no walkthrough opening by itself, no tips.
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  // No Chat in the secondary side bar ("Build with Agent"), nor its entries elsewhere.
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  // Restricted Mode stays on, shown in the status bar; its banner across the top goes.
  'security.workspace.trust.banner': 'never',
  // The extension opens the scorecard, widened, and the candidate's README (package.json).
  'rustReview.openOnStartup': true,
  // The server's port is the reviewer's own; forwarding it again is no use here.
  'remote.autoForwardPorts': false,
};

/**
 * Writes the first screen's settings into the server's user data folder (its `--user-data-dir`),
 * where VS Code's server keeps the user settings of the workbench it serves. `extra` is merged
 * over them.
 */
export function writeFirstScreenSettings(userDataDir, extra = {}) {
  const user = path.join(userDataDir, 'User');
  fs.mkdirSync(user, { recursive: true });
  fs.writeFileSync(path.join(user, 'settings.json'), `${JSON.stringify({ ...FIRST_SCREEN_SETTINGS, ...extra }, null, 2)}\n`);
}
