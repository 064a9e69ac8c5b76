/** The Compare Candidates tab's entry point: VS Code's API and the page's mount point, handed to the app. */
import { CompareApp } from './app';
import type { CompareVsCodeApi } from './protocol';

declare function acquireVsCodeApi(): CompareVsCodeApi;

const mount = document.getElementById('compare') ?? document.body.appendChild(document.createElement('main'));
new CompareApp(acquireVsCodeApi(), mount).start();
