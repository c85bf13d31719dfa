/**
 * Text cut to a platform's size limits (a Slack section holds 3,000 characters, a Discord
 * message 2,000). `entities`: the text is HTML-escaped (Slack), so a cut never splits `&amp;`.
 */
export interface SplitOptions {
  entities?: boolean;
}

/** Where a cut at `at` would not split an entity (when asked) or a surrogate pair. */
function safeCut(s: string, at: number, o: SplitOptions): number {
  let cut = at;
  if (o.entities) {
    const amp = s.lastIndexOf('&', cut - 1);
    if (amp >= 0 && amp > cut - 5 && s.indexOf(';', amp) >= cut) cut = amp;
  }
  const code = s.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return Math.max(1, cut);
}

/**
 * Splits text into pieces of at most `limit` characters, at a line break or a space when one is
 * in the second half of the piece.
 * @example splitText('a'.repeat(2100), 2000).map((p) => p.length) // [2000, 100]
 */
export function splitText(text: string, limit: number, o: SplitOptions = {}): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const lineBreak = rest.lastIndexOf('\n', limit);
    const space = rest.lastIndexOf(' ', limit);
    const at = lineBreak > limit / 2 ? lineBreak : space > limit / 2 ? space : limit;
    const cut = safeCut(rest, at, o);
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^[\n ]/, '');
  }
  if (rest.trim() !== '' || pieces.length === 0) pieces.push(rest);
  return pieces;
}

/** Text shortened to `limit` characters with an ellipsis. */
export function truncateText(text: string, limit: number, o: SplitOptions = {}): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, safeCut(text, limit - 1, o))}…`;
}
