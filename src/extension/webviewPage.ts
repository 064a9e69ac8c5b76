import * as vscode from 'vscode';

/** A script nonce for a webview's Content Security Policy, from the platform's cryptographic random numbers. */
function nonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What differs between the extension's webviews: their assets in `dist/webview`, title and mount point. */
export interface WebviewPage {
  stylesheet: string;
  script: string;
  title: string;
  /** The id and accessible name of the element the script draws into, and what it says until then. */
  mount: { id: string; label: string; loading: string };
}

/**
 * Sets up a webview as the extension's webviews are: scripts from `dist/webview` only, and a fixed
 * HTML shell under a strict Content Security Policy. Everything the candidate's repository or the
 * reviewer wrote reaches the page as data in a message, never as markup.
 */
export function showWebviewPage(webview: vscode.Webview, extensionUri: vscode.Uri, page: WebviewPage): void {
  const assets = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
  webview.options = { enableScripts: true, localResourceRoots: [assets] };
  const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(assets, name)).toString();
  const scriptNonce = nonce();
  const csp = ["default-src 'none'", `style-src ${webview.cspSource}`, `font-src ${webview.cspSource}`, `img-src ${webview.cspSource}`, `script-src 'nonce-${scriptNonce}'`].join('; ');
  webview.html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('codicon.css')}">
<link rel="stylesheet" href="${asset(page.stylesheet)}">
<title>${page.title}</title>
</head>
<body>
<main id="${page.mount.id}" aria-label="${page.mount.label}"><p>${page.mount.loading}</p></main>
<script nonce="${scriptNonce}" src="${asset(page.script)}"></script>
</body>
</html>`;
}
