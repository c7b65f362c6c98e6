/**
 * The reason phrases of SIP responses (RFC 3261 and its extensions), as engineers write them after
 * the code. Several sound like feelings ("not acceptable", "forbidden", "decline", "busy here") and
 * would read as a complaint or a refusal; after their code they are a protocol message and nothing
 * else, so the understanding step reads "488 not acceptable here" as one token, `sip488`.
 */
const REASON_PHRASES: Record<string, string> = {
  '400': 'bad request',
  '401': 'unauthorized',
  '402': 'payment required',
  '403': 'forbidden',
  '404': 'not found',
  '405': 'method not allowed',
  '406': 'not acceptable',
  '407': 'proxy authentication required',
  '408': 'request timeout',
  '410': 'gone',
  '413': 'request entity too large',
  '414': 'request uri too long',
  '415': 'unsupported media type',
  '416': 'unsupported uri scheme',
  '420': 'bad extension',
  '421': 'extension required',
  '423': 'interval too brief',
  '480': 'temporarily unavailable',
  '481': 'call transaction does not exist',
  '482': 'loop detected',
  '483': 'too many hops',
  '484': 'address incomplete',
  '485': 'ambiguous',
  '486': 'busy here',
  '487': 'request terminated',
  '488': 'not acceptable here',
  '491': 'request pending',
  '493': 'undecipherable',
  '500': 'server internal error',
  '501': 'not implemented',
  '502': 'bad gateway',
  '503': 'service unavailable',
  '504': 'server time out',
  '505': 'version not supported',
  '513': 'message too large',
  '600': 'busy everywhere',
  '603': 'decline',
  '604': 'does not exist anywhere',
  '606': 'not acceptable',
};

/** Words between the code and its phrase ("488 - Not Acceptable Here", "403: forbidden"). */
const SEPARATOR = String.raw`\s*[-:–]?\s*`;

const pattern = new RegExp(
  String.raw`\b([1-6]\d\d)${SEPARATOR}(` +
    [...new Set(Object.values(REASON_PHRASES))]
      // A phrase may lose its last word ("488 not acceptable"); longest first so the whole one wins.
      .flatMap((phrase) => {
        const words = phrase.split(' ');
        return words.length > 1 ? [phrase, words.slice(0, -1).join(' ')] : [phrase];
      })
      .sort((a, b) => b.length - a.length)
      .map((phrase) => phrase.split(' ').join(String.raw`[\s/-]+`))
      .join('|') +
    String.raw`)\b`,
  'gi',
);

/** The text with every "code + reason phrase" of a SIP response replaced by one token (`sip488`). */
export function sipResponsesAsTokens(text: string): string {
  return text.replace(pattern, (_whole, code: string) => `sip${code}`);
}
