/**
 * The scorecard webview's entry point: VS Code's API and the page's mount point, handed to the
 * app (app.ts). Every string the app shows may come from the candidate's repository or a custom
 * rubric, so strings only ever become text nodes and attribute values, never markup.
 */
import { ScorecardApp } from './app';
import type { VsCodeApi } from './protocol';

declare function acquireVsCodeApi(): VsCodeApi;

const mount = document.getElementById('scorecard') ?? document.body.appendChild(document.createElement('main'));
new ScorecardApp(acquireVsCodeApi(), mount).start();
