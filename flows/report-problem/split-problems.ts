/** The most problems one message is split into; more are asked to be sent one at a time. */
const MOST = 5;

/**
 * Splits a message that lists several problems ("1) calls fail 2) the portal is slow", bullet
 * lines, "another problem: ...") into one description each. One problem gives one item.
 */
export function splitProblems(text: string): string[] {
  const lines = text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean);
  const bullet = /^(\d{1,2}[.)]|[-*•])\s+/;
  const listed = lines.filter((l) => bullet.test(l)).map((l) => l.replace(bullet, '').trim());
  if (listed.length >= 2) return listed.filter((l) => l.length > 3).slice(0, MOST);
  const inline = text.split(/(?:^|\s)\(?\d{1,2}[.)]\s+/).map((p) => p.trim());
  if (inline.length >= 3) {
    const parts = inline.slice(1).filter((p) => p.length > 3);
    if (parts.length >= 2) return parts.map((p) => p.replace(/[,;]?\s*(and)?$/i, '').trim()).slice(0, MOST);
  }
  const another = text
    .split(
      /\b(?:another (?:problem|issue)|(?:a )?second (?:problem|issue)|(?:also|and),? (?:separately|an unrelated (?:problem|issue)))\b[:,]?/i,
    )
    .map((p) => p.trim().replace(/^[,.;:-]\s*/, ''))
    .filter((p) => p.length > 3);
  if (another.length >= 2) return another.slice(0, MOST);
  return [text.trim()];
}
