/**
 * A small lexicon of voice-telephony terms, written from the field (SIP, RFC 3261, and the
 * wholesale-voice vocabulary every carrier uses), not from any question list. Each row reads
 * "what people say" -> "the standard term". Phrases are matched on stemmed tokens, so plurals and
 * verb forms match too. What the docs call things is learnt from the docs themselves (titles,
 * headings, nav, the acronyms they spell out), not written here.
 */
export const TELECOM_LEXICON: readonly (readonly [readonly string[], string])[] = [
  [['caller id', 'calling number', 'calling line identification', 'ani', 'cid'], 'cli caller id'],
  [['call detail record', 'call log', 'call history', 'call records'], 'cdr'],
  [['direct inward dialing', 'phone number', 'virtual number', 'inbound number'], 'did'],
  [['post dial delay', 'ring delay'], 'pdd post dial delay'],
  [['answer seizure ratio', 'answer rate'], 'asr'],
  [['average call duration'], 'acd'],
  [['real time transport protocol', 'one way audio', 'no audio', 'voice path'], 'rtp media audio'],
  [['session initiation protocol'], 'sip'],
  [['network address translation'], 'nat'],
  [['calls per second'], 'cps'],
  [['concurrent calls', 'simultaneous calls'], 'channels concurrent'],
  [['interactive voice response', 'phone menu', 'auto attendant', 'voice menu'], 'ivr'],
  [['hunt group', 'ring group'], 'ring group'],
  [['dual tone multi frequency', 'touch tone', 'keypad tones'], 'dtmf'],
  [['g711', 'g729', 'ulaw', 'alaw', 'pcmu', 'pcma', 'opus'], 'codec'],
  [['international format', 'e 164'], 'e164'],
  [['least cost routing'], 'lcr least cost routing'],
  [['rate deck', 'tariff', 'price list'], 'rate card'],
  [['termination provider', 'upstream provider', 'supplier', 'vendor'], 'carrier provider'],
  [['mean opinion score', 'call quality'], 'mos quality'],
  [['false answer supervision'], 'fas false answer'],
  [['toll fraud', 'hacked account', 'compromised account'], 'fraud'],
  [['robocall', 'caller id spoofing', 'spoofed calls'], 'stir shaken'],
  [['do not call'], 'dnc'],
  [['packet capture', 'pcap', 'sip ladder'], 'sip trace capture'],
  [['early media', 'ringback'], '183 session progress early media'],
  [['sip response', 'response code', 'sip code', 'status code'], 'sip response code'],
  [
    ['two factor', 'multi factor', 'one time password', 'authenticator app', '2fa', 'mfa'],
    '2fa two factor authentication',
  ],
  [['per second billing', 'billing increment', 'rounding'], 'billing increment interval'],
  [['prepaid', 'postpaid'], 'credit limit balance'],
  [['top up', 'recharge'], 'top up payment credit'],
  [['softphone', 'browser phone', 'web phone'], 'softphone webphone'],
];

/**
 * SIP response codes (RFC 3261 and its extensions) with their reason phrases: a customer quotes
 * the number, the docs may explain it by name.
 */
export const SIP_RESPONSE_CODES: ReadonlyMap<string, string> = new Map([
  ['100', 'trying'],
  ['180', 'ringing'],
  ['181', 'call forwarded'],
  ['183', 'session progress early media'],
  ['200', 'ok'],
  ['401', 'unauthorized authentication'],
  ['403', 'forbidden'],
  ['404', 'not found'],
  ['407', 'proxy authentication required'],
  ['408', 'request timeout'],
  ['480', 'temporarily unavailable'],
  ['484', 'address incomplete'],
  ['486', 'busy'],
  ['487', 'request terminated cancel'],
  ['488', 'not acceptable codec'],
  ['500', 'server internal error'],
  ['502', 'bad gateway'],
  ['503', 'service unavailable'],
  ['603', 'decline'],
]);

/** Wholesale billing-increment notation ("60/60", "30/6", "1/1"): first and next billed seconds. */
export const BILLING_INCREMENT = /\b(1|6|10|30|60)\/(1|6|10|30|60)\b/;
