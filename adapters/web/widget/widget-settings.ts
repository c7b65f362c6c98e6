/** What a site may set on the widget: by `data-` attributes on the script tag or `Handoff.init()`. */
export interface WidgetSettings {
  /** Accent colour of the button, the header and the customer's bubbles (any CSS colour). */
  color?: string;
  /** The panel's heading (default "Support"). */
  title?: string;
  /** The first line the panel shows, instead of the server's greeting. */
  greeting?: string;
  /** Which bottom corner the button sits in (default right). */
  position?: 'left' | 'right';
}

/** A customer the site has signed in; `hash` is HMAC-SHA256(id, IDENTITY_SECRET) in hex, from the site's server. */
export interface WidgetIdentity {
  id: string;
  name?: string;
  email?: string;
  hash: string;
}

const LONGEST_TEXT = 300;

/** Keeps only well-formed settings; anything else is ignored (a typo must not break the site). */
export function cleanSettings(input: unknown): WidgetSettings {
  if (typeof input !== 'object' || input === null) return {};
  const { color, title, greeting, position } = input as Record<string, unknown>;
  const text = (value: unknown) =>
    typeof value === 'string' && value.trim() ? value.trim().slice(0, LONGEST_TEXT) : undefined;
  const settings: WidgetSettings = {};
  if (typeof color === 'string' && CSS.supports('color', color)) settings.color = color;
  const cleanTitle = text(title);
  if (cleanTitle) settings.title = cleanTitle;
  const cleanGreeting = text(greeting);
  if (cleanGreeting) settings.greeting = cleanGreeting;
  if (position === 'left' || position === 'right') settings.position = position;
  return settings;
}

/** The settings written on the embedding `<script>`: `data-color`, `data-title`, `data-greeting`, `data-position`. */
export function settingsFromScript(script: HTMLOrSVGScriptElement | null): WidgetSettings {
  if (!(script instanceof HTMLScriptElement)) return {};
  const { color, title, greeting, position } = script.dataset;
  return cleanSettings({ color, title, greeting, position });
}
