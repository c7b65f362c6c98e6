/**
 * Whether a message is put as a question: a question mark, or a question word or auxiliary at the
 * start of it or just after an opener ("btw what are...", "wait what's..."). This reads syntax, not
 * intent; the understanding step says what the question is about.
 */
export function looksLikeQuestion(text: string): boolean {
  const said = text.trim().toLowerCase();
  return (
    said.includes('?') ||
    /^(?:[\w']+[\s,]+){0,2}(what|whats|what's|how|where|when|why|which|who|is|are|r|do|does|did|can|could|should|will|would)\b/.test(
      said,
    )
  );
}
