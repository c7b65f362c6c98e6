import type { AgentView } from '../../../src/realtime/socket-events';
import { currentAgent } from './console-api';
import { ConsoleApp } from './console-app';
import { renderSignIn } from './sign-in-view';

// Entry of public/build/console.js, loaded by public/console/index.html.
const root = document.getElementById('app')!;

function signedIn(agent: AgentView): void {
  new ConsoleApp(root, agent, showSignIn).start();
}

function showSignIn(notice?: string): void {
  renderSignIn(root, signedIn, notice);
}

void currentAgent().then((agent) => (agent ? signedIn(agent) : showSignIn()));
