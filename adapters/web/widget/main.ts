import { ChatWidget } from './chat-widget';
import { serverOrigin } from './server-origin';

// Entry of public/build/widget.js: `<script src="https://HOST/widget.js"></script>` on any page.
// document.currentScript is only set while this script first runs, so read it right away.
const server = serverOrigin(document.currentScript, window.location.href);

function start(): void {
  if (document.getElementById('handoff-chat')) return; // the snippet was pasted twice
  new ChatWidget(server).mount();
}

if (document.body) start();
else document.addEventListener('DOMContentLoaded', start, { once: true });
