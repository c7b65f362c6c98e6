/**
 * Splits text into pieces of at most `max` UTF-16 units, cutting at the last paragraph break, else
 * sentence end, else space inside the window, so a long reply reads as several whole messages.
 * A run with no break at all (a long URL) is cut hard, never inside a surrogate pair.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const cut = cutPoint(rest, max);
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}

function cutPoint(text: string, max: number): number {
  const window = text.slice(0, max + 1);
  // Cuts earlier than a quarter of the window would leave a stub message; prefer a coarser break.
  const floor = Math.floor(max / 4);
  const paragraph = window.lastIndexOf('\n\n', max);
  if (paragraph > floor) return paragraph;
  const sentenceEnds = [...window.slice(0, max).matchAll(/[.!?…]["')\]]?\s/g)];
  const sentence = sentenceEnds.at(-1);
  if (sentence?.index !== undefined && sentence.index > floor) return sentence.index + sentence[0].length - 1;
  const space = Math.max(window.lastIndexOf(' ', max), window.lastIndexOf('\n', max));
  if (space > floor) return space;
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}
