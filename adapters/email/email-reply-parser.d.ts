// email-reply-parser 1.x ships no types; this is the one method the adapter calls.
declare module 'email-reply-parser' {
  /** GitHub's reply parser, ported: splits a plain-text e-mail into new text, quotes and signature. */
  export default class EmailReplyParser {
    /** The text the sender wrote in this message, without quoted replies and the signature. */
    parseReply(text: string): string;
  }
}
