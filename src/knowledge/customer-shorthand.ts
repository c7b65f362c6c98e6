/**
 * Common English chat and SMS shorthand, mapped to the full word. Applied to single tokens before
 * anything else. A `Map`, not an object: the keys are customer text, and a plain object would
 * answer "constructor" or "__proto__" from its prototype.
 */
export const CUSTOMER_SHORTHAND: ReadonlyMap<string, string> = new Map([
  ['pwd', 'password'],
  ['pw', 'password'],
  ['passwd', 'password'],
  ['acct', 'account'],
  ['acc', 'account'],
  ['num', 'number'],
  ['nums', 'numbers'],
  ['nr', 'number'],
  ['msg', 'message'],
  ['msgs', 'messages'],
  ['txt', 'text'],
  ['vm', 'voicemail'],
  ['ext', 'extension'],
  ['exts', 'extensions'],
  ['config', 'configure'],
  ['cfg', 'configure'],
  ['info', 'information'],
  ['addr', 'address'],
  ['mins', 'minutes'],
  ['min', 'minute'],
  ['secs', 'seconds'],
  ['sec', 'seconds'],
  ['auth', 'authentication'],
  ['reg', 'registration'],
  ['inv', 'invoice'],
  ['db', 'database'],
  ['e-mail', 'email'],
  ['b4', 'before'],
  ['wanna', 'want'],
  ['gonna', 'going'],
  ['lemme', 'let'],
]);
