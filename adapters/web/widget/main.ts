import { ChatWidget } from './chat-widget';
import { serverOrigin } from './server-origin';
import { handoffApi, type HandoffApi } from './widget-api';
import { WidgetEvents } from './widget-events';
import { cleanSettings, settingsFromScript } from './widget-settings';
import { chooseWidgetLanguage } from './widget-texts';

declare global {
  interface Window {
    Handoff?: HandoffApi;
    /** Settings a site may set before the script loads: `{ color, title, greeting, position, language, user }`. */
    handoffSettings?: unknown;
  }
}

// Entry of public/build/widget.js: `<script async src="https://HOST/widget.js"></script>` on any page.
// document.currentScript is only set while this script first runs, so read it right away.
const script = document.currentScript;
const server = serverOrigin(script, window.location.href);

function start(): void {
  if (window.Handoff || document.getElementById('handoff-chat')) return; // the snippet was pasted twice
  const early = window.handoffSettings;
  // The language is chosen before anything is drawn: the script's data-language, the early
  // settings' `language`, else the browser's.
  const language = (early as { language?: unknown } | undefined)?.language;
  chooseWidgetLanguage(
    (script instanceof HTMLScriptElement ? script.dataset.language : undefined) ??
      (typeof language === 'string' ? language : undefined),
    navigator.language,
  );
  const events = new WidgetEvents();
  const widget = new ChatWidget(server, events);
  widget.configure({ ...settingsFromScript(script), ...cleanSettings(early) });
  const api = handoffApi(widget, events);
  window.Handoff = api;
  const user = (early as { user?: unknown } | undefined)?.user;
  if (user !== undefined) api.identify(user);
  const mount = () => {
    widget.mount();
    // The script loads async: a site's code waiting for the API listens for this event.
    window.dispatchEvent(new CustomEvent('handoff:ready', { detail: api }));
  };
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount, { once: true });
}

start();
