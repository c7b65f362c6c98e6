/**
 * Telephony words customers use, mapped to the words the docs use. Written by the team from the
 * domain, not from any question list: each row is "things people say" -> "what the docs call it".
 * Phrases are matched on stemmed tokens, so plurals and verb forms match too.
 */
export const DOMAIN_SYNONYMS: readonly (readonly [readonly string[], string])[] = [
  [
    ['caller id', 'callerid', 'cid', 'ani', 'calling number', 'from number', 'outgoing number'],
    'cli caller id',
  ],
  [['phone menu', 'auto attendant', 'voice menu', 'press 1', 'call menu', 'menu'], 'ivr'],
  [['ring all', 'ring group', 'hunt group', 'rings all', 'simultaneous ring'], 'group ring'],
  [['promo code', 'coupon', 'discount code', 'gift card', 'promo', 'bonus credit'], 'voucher'],
  [
    ['prepay', 'prepaid', 'postpaid', 'postpay', 'run out of credit', 'out of balance', 'out of credit'],
    'credit limit balance',
  ],
  [['top up', 'topup', 'recharge', 'add funds', 'add credit', 'pay', 'deposit'], 'payment top up'],
  [
    ['live calls', 'active calls', 'ongoing calls', 'current calls', 'calls in progress', 'live'],
    'dialogs active channels',
  ],
  [['kill', 'hang up', 'hangup', 'terminate', 'disconnect a call', 'end a call'], 'end calls'],
  [
    ['ghost calls', 'hung calls', 'stuck calls', 'long calls', 'never ended', 'zombie calls'],
    'ghost long duration sip ping session timer',
  ],
  [['hacked', 'stolen', 'compromised', 'toll fraud', 'premium calls', 'abuse'], 'fraud'],
  [['blacklist', 'ban', 'deny', 'blocklist'], 'block'],
  [['listen to calls', 'call recording', 'recorded calls', 'recordings'], 'recording'],
  [['phone number', 'inbound number', 'virtual number', 'did number', 'numbers'], 'did'],
  [['supplier', 'vendor', 'upstream', 'termination provider', 'trunk provider'], 'carrier provider'],
  [['price', 'pricing', 'tariff', 'cost', 'costs', 'prices', 'charge'], 'rate card'],
  [['calls per second', 'call rate'], 'cps'],
  [['concurrent calls', 'simultaneous calls', 'channel limit', 'concurrency'], 'channels'],
  [
    ['one way audio', 'no audio', 'no sound', 'cant hear', 'silence', 'dead air', 'choppy'],
    'media rtp audio nat',
  ],
  [['dropping', 'drops', 'cut off', 'cuts off', 'disconnects', 'disconnected'], 'disconnect'],
  [['two factor', 'second factor', 'authenticator app', 'totp'], 'two factor authentication 2fa'],
  [['log in as', 'login as', 'impersonate', 'act as', 'as them'], 'login as customer portal'],
  [
    ['white label', 'whitelabel', 'branding', 'own domain', 'custom domain', 'my brand', 'vanity url'],
    'domain white label brand',
  ],
  [['who changed', 'who did', 'change history', 'who made', 'activity log'], 'audit log'],
  [['permission', 'permissions', 'role', 'access rights', 'restrict', 'read only'], 'users permissions role'],
  [['call logs', 'call history', 'call records', 'call detail'], 'cdr'],
  [['time zone', 'timezone', 'utc', 'gmt'], 'timezone'],
  [['sip trace', 'pcap', 'packet capture', 'ladder diagram', 'traces'], 'sip trace'],
  [
    [
      'test call',
      'test a call',
      'simulate a call',
      'without dialing',
      'without actually dialing',
      'dial test',
    ],
    'test call simulate',
  ],
  [['echo', 'hear myself', 'audio test', 'loopback'], 'echo test'],
  [
    ['ai bot', 'virtual agent', 'voice bot', 'voicebot', 'ai assistant', 'answer calls automatically'],
    'ai agent',
  ],
  [['bridge', 'meeting room', 'conference call'], 'conference'],
  [['extension range', 'extension numbers', 'extensions'], 'extension'],
  [['stir shaken', 'attestation', 'robocall mitigation'], 'stir shaken certificate'],
  [['whitelist', 'allowlist', 'allow list', 'trusted ip'], 'ip authentication'],
  [['registers', 'register', 'registration'], 'registration sip user'],
  [['incoming', 'inbound'], 'inbound ingress'],
  [['outgoing', 'outbound', 'go out'], 'outbound egress'],
  [['currency', 'usd', 'eur', 'gbp', 'dollars', 'euros'], 'currency'],
  [['backup route', 'fallback'], 'failover'],
  [
    ['split traffic', 'percentage', 'load balance', 'load balancing', 'distribute traffic'],
    'routing strategy percentage load balance',
  ],
  [['sip hostname', 'hostname', 'domain name', 'fqdn', 'sip domain'], 'dns domain'],
  [['paypal', 'stripe', 'credit card', 'card payment'], 'payment'],
  [['notify', 'notification', 'notifications', 'warn me', 'email alert'], 'alert notification'],
  [['low balance', 'balance low', 'running low'], 'low balance alert'],
  [['free minutes', 'bundle', 'bundles', 'minutes bundle', 'plan'], 'package'],
  [['per second billing', 'billing increment', 'rounding', 'rounded up'], 'increment interval billing'],
  [
    ['early media', 'ringback', 'response code', 'sip code', 'reply code', '183', '180 ringing'],
    'reply management',
  ],
  [['speech to text', 'transcribe', 'transcribing'], 'transcription'],
  [['do not call', 'opt out'], 'dnc'],
  [['robocalls', 'spam calls', 'nuisance calls', 'spam'], 'spam block'],
  [['softphone', 'browser phone', 'web phone'], 'webphone'],
  [['control panel', 'dashboard login', 'panel'], 'control panel'],
  [['upload', 'bulk upload', 'import', 'csv'], 'upload import csv'],
  [['deploy', 'new server', 'second server', '2nd server', 'add a server'], 'server'],
  [['cert', 'certificate', 'certs'], 'certificate'],
  [['called by', 'calls to a number', 'dialed a number', 'specific number'], 'report number'],
  [['sign up', 'signed up', 'new account', 'just joined', 'onboarding'], 'getting started'],
  [['switch ip', 'my switch', 'server ip', 'sip server address'], 'switch ip address'],
  [['pages', 'page builder', 'web app'], 'page builder app'],
  [['mos', 'call quality', 'fake answer', 'false answer', 'fas'], 'circuit test quality'],
];

/** Customer notation that reads as billing increments ("30/6", "60/60", "1/1"). */
export const BILLING_INCREMENT = /\b(1|6|10|30|60)\/(1|6|10|30|60)\b/;
