// What kind of problem a report describes decides which details to ask for (Call-IDs for calls, a
// screenshot for the interface). These read the topic of an accepted report, not the intent of a
// message: whether a message reports a problem at all is the understanding step's call.

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
