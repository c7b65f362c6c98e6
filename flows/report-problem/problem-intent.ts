import { normalizeText } from '../../src/engine/intents';

/** "report a problem", "open a ticket", "raise an issue". */
const EXPLICIT =
  /\b(report|raise|open|file|submit|log|create|make)\b.{0,20}\b(problem|issue|bug|fault|incident|outage|ticket|case|complaint)s?\b/;
/** "something is broken", "the portal is down", "everything stopped working". */
const BROKEN =
  /\b(something|it|everything|this|that|system|platform|portal|switch|service|connexcs|server|account)('?s| is| are| has| seems| went)? ?(broken|down|not working|wrong|failing|stopped working|gone)\b/;
const IS_IT_DOWN =
  /\b(are you|is (it|the platform|the system|the switch|everything|connexcs|the portal)) down\b/;
/** What customers report a problem about. */
const SUBJECT =
  /\b(calls?|calling|audio|sound|voice|media|rtp|sip|trunks?|carriers?|routes?|routing|registrations?|register|login|log ?in|sign ?in|portal|dashboard|page|ui|interface|button|cdrs?|billing|invoices?|dids?|numbers?|api|webhooks?|softphones?|phones?|extensions?|ivr|recordings?|fax|sms|caller ?id|cli|dtmf|codec)\b/;
/** How they say it is broken. */
const FAILURE =
  /\b(fail\w*|drop\w*|broken|down|not (working|connecting|ringing|loading|showing|registering|going through)|(doesn'?t|don'?t|does not|do not|won'?t|can'?t|cannot|isn'?t|aren'?t|wont|cant|dont|doesnt) (work|connect|ring|load|register|show|go through|complete|open)|stopped|errors?|timeouts?|timing out|times out|rejected|cut off|cutting out|choppy|garbled|one[- ]way|dead air|silence|silent|unreachable|crash\w*|stuck|blank|missing|wrong|[45]\d\d)\b/;
const BAD_AUDIO =
  /\b(no|one[- ]way|choppy|garbled|bad|poor|missing|robotic|echo on) (audio|sound|voice|media)\b/;
const CANNOT =
  /\b(can'?t|cannot|cant|unable to|couldn'?t|not able to) (log ?in|login|sign ?in|make (any |a )?calls?|receive (any )?calls?|call out|dial out|connect|register|access|reach)\b/;
/** Questions about how to do something belong to the docs, unless they ask to report. */
const HOW_TO =
  /^(how (do|can|should|to|would|does)|what (is|are|does|do)|where (is|are|do|can)|which|when (should|do)|is (it|there) (possible|a way)|can (i|you|we) (set|configure|add|create|change|use|enable|find|see|get)|explain|tell me about|show me)\b/;

/** Whether a message starts a problem report: it asks to report one, or describes something broken. */
export function isProblemReport(text: string): boolean {
  const said = normalizeText(text);
  if (said.length === 0) return false;
  const explicit = EXPLICIT.test(said);
  if (HOW_TO.test(said) && !explicit) return false;
  return (
    explicit ||
    BROKEN.test(said) ||
    IS_IT_DOWN.test(said) ||
    BAD_AUDIO.test(said) ||
    CANNOT.test(said) ||
    /\boutage\b/.test(said) ||
    (SUBJECT.test(said) && FAILURE.test(said))
  );
}

/** Whether the customer asks if the platform is down (the status page answers that first). */
export function asksIfDown(text: string): boolean {
  return IS_IT_DOWN.test(normalizeText(text));
}

/** Whether the customer explicitly asks to report a problem or open a ticket. */
export function asksToReport(text: string): boolean {
  return EXPLICIT.test(normalizeText(text));
}

/**
 * Whether a problem is put as a question ("why do my calls drop at 30 seconds?", "where do I
 * start?"): the docs may answer it outright, so the docs get the first word.
 */
export function isPutAsQuestion(text: string): boolean {
  const said = text.trim().toLowerCase();
  return (
    /\?\s*\W*$/.test(said) ||
    /^(why|how|what|where|which|is (that|this|it)|do you|does|can)\b/.test(said) ||
    /\b(where (do|should) i start|is that why|why (is|are|does|do))\b/.test(said)
  );
}

/** Whether the message only asks to report, without saying what is wrong ("I want to report a problem"). */
export function saysNothingYet(text: string): boolean {
  const said = normalizeText(text)
    .replace(
      /\b(i|we|would|like|want|wanna|need|to|please|pls|can|could|you|help|me|us|with|hi|hello|hey|a|an|the|new|just|have|got|there|is|yes|how|do|does|should|where|what|my|our)\b/g,
      ' ',
    )
    .replace(/\b(report|raise|open|file|submit|log|create|make)\b/g, ' ')
    .replace(/\b(problem|issue|bug|fault|ticket|case|complaint)s?\b/g, ' ')
    .replace(/\b(something|is|s|broken|wrong)\b/g, ' ')
    .trim();
  return said.length < 3;
}

/** Whether the problem concerns calls (then Call-IDs identify it). */
export function isCallProblem(text: string): boolean {
  return /\b(calls?|calling|called|audio|sound|voice|media|rtp|sip|trunks?|carriers?|routes?|routing|ring\w*|dial\w*|caller ?id|cli|codec|dtmf|asr|acd|pdd|busy|hang ?up|one[- ]way|dead air|[45]\d\d)\b/i.test(
    text,
  );
}

/** Whether the problem concerns the user interface (then a screenshot helps). */
export function isInterfaceProblem(text: string): boolean {
  return /\b(ui|interface|portal|dashboard|page|screen|button|menu|display\w*|log ?in|login|sign ?in|browser|form|graph|chart|web ?site|control panel|blank|layout|tab|click\w*)\b/i.test(
    text,
  );
}
