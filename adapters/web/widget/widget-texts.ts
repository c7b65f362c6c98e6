import { languageOfLocale, type Language } from '../../../src/i18n/languages';

/**
 * What the widget itself says, in English: the reference catalog. Plain text, set as textContent.
 * Same format as the bot's i18next catalogs (`{{name}}` placeholders), read by a five-line lookup
 * instead of i18next itself: the widget needs no plurals or namespaces, and i18next would add
 * 51 kB (16 kB gzipped) to a 66 kB script every visitor loads.
 */
const en = {
  openChat: 'Open chat',
  title: 'Support',
  panel: 'Support chat',
  close: 'Close chat',
  conversation: 'Conversation',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
  attach: 'Attach a file',
  placeholder: 'Type a message…',
  message: 'Message',
  send: 'Send',
  stillConnecting: 'Still connecting; try again in a moment.',
  uploadFailed: 'The upload failed.',
  attached: 'Attached {{name}}',
  aFile: 'a file',
  botTyping: 'The bot is typing…',
  agentTyping: '{{name}} is typing…',
  theAgent: 'The agent',
  waitingBanner: 'Waiting for an agent. You can keep adding details here.',
  chattingWith: 'You are chatting with {{name}}.',
  anAgent: 'an agent',
  AnAgent: 'An agent',
  agentStatus: '{{name}} · Support team',
  waiting: 'Waiting for an agent',
  botStatus: 'Support bot · We reply in seconds',
  supportBot: 'Support bot',
  you: 'You',
  agent: 'Agent',
  dismiss: 'Dismiss',
  sending: 'Sending…',
  thanksFeedback: 'Thanks for the feedback.',
  didThisHelp: 'Did this help?',
  yes: 'Yes',
  no: 'No',
  notSent: 'Not sent: {{reason}} ',
  attachment: 'attachment',
  notAvailable: '{{name}} (not available)',
  couldNotRecord: 'Could not record that: {{reason}}',
};

/** The same texts in Spanish (usted). */
const es: Record<keyof typeof en, string> = {
  openChat: 'Abrir el chat',
  title: 'Soporte',
  panel: 'Chat de soporte',
  close: 'Cerrar el chat',
  conversation: 'Conversación',
  connecting: 'Conectando…',
  reconnecting: 'Reconectando…',
  offline: 'Sin conexión',
  attach: 'Adjuntar un archivo',
  placeholder: 'Escriba un mensaje…',
  message: 'Mensaje',
  send: 'Enviar',
  stillConnecting: 'Aún conectando; inténtelo de nuevo en un momento.',
  uploadFailed: 'No se pudo subir el archivo.',
  attached: 'Adjunto: {{name}}',
  aFile: 'un archivo',
  botTyping: 'El bot está escribiendo…',
  agentTyping: '{{name}} está escribiendo…',
  theAgent: 'El agente',
  waitingBanner: 'Esperando a un agente. Mientras tanto puede seguir añadiendo detalles aquí.',
  chattingWith: 'Está hablando con {{name}}.',
  anAgent: 'un agente',
  AnAgent: 'Un agente',
  agentStatus: '{{name}} · Equipo de soporte',
  waiting: 'Esperando a un agente',
  botStatus: 'Bot de soporte · Respondemos en segundos',
  supportBot: 'Bot de soporte',
  you: 'Usted',
  agent: 'Agente',
  dismiss: 'Descartar',
  sending: 'Enviando…',
  thanksFeedback: 'Gracias por su opinión.',
  didThisHelp: '¿Le ha servido?',
  yes: 'Sí',
  no: 'No',
  notSent: 'No enviado: {{reason}} ',
  attachment: 'adjunto',
  notAvailable: '{{name}} (no disponible)',
  couldNotRecord: 'No se pudo registrar: {{reason}}',
};

/** A key of the widget's catalog. */
export type WidgetText = keyof typeof en;

const CATALOGS: Record<Language, Record<WidgetText, string>> = { en, es };

let chosen: { language: Language; locale: string } = { language: 'en', locale: 'en' };

/**
 * Picks the widget's language once, before it draws anything: the site's `language` setting when
 * given, else the browser's. The server is told the same locale, so the bot answers in it too.
 */
export function chooseWidgetLanguage(setting: string | undefined, browser: string): void {
  const locale = setting ?? browser;
  const language = languageOfLocale(locale) ?? 'en';
  chosen = { language, locale };
}

/** The locale the widget speaks, sent to the server with the profile. */
export function widgetLocale(): string {
  return chosen.locale;
}

/** The widget's text for `key` in the chosen language. */
export function wt(key: WidgetText, values: Record<string, string> = {}): string {
  return CATALOGS[chosen.language][key].replace(
    /\{\{(\w+)\}\}/g,
    (whole, name: string) => values[name] ?? whole,
  );
}
