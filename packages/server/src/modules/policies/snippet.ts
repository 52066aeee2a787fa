/** The longest piece of a query word that a query may be matched on. */
const MAX_WORD = 24;

/**
 * About `width` characters of `body` around the first occurrence of the query, the match wrapped
 * in 【】. When the whole query does not occur, the longest piece of one of its words that does
 * (longest words first; at least two characters unless the word is one), so a near miss such as
 * 城市供水条列 still marks 城市供水. Plain text: whitespace runs become one space, cut ends get an
 * ellipsis. Without any match, the start of the body.
 */
export function snippetOf(body: string, query: string, width = 80): string {
  const text = body.replace(/\s+/gu, ' ').trim();
  const lower = text.toLowerCase();
  // toLowerCase keeps lengths for Chinese and ASCII; when it would not, match case-sensitively.
  const hay = lower.length === text.length ? lower : text;
  const found = locate(hay, query.normalize('NFKC').trim().toLowerCase());
  if (!found) return text.length > width ? `${text.slice(0, width)}…` : text;
  const { at } = found;
  const len = Math.min(found.len, width);
  const before = Math.max(0, Math.min(at, Math.floor((width - len) / 3)));
  let start = at - before;
  let end = Math.min(text.length, start + width);
  if (end - start < width) start = Math.max(0, end - width);
  // Keep the match whole even when the window was pulled back at the end of the text.
  if (start > at) start = at;
  end = Math.max(end, at + len);
  return `${start > 0 ? '…' : ''}${text.slice(start, at)}【${text.slice(at, at + len)}】${text.slice(at + len, end)}${end < text.length ? '…' : ''}`;
}

function locate(hay: string, query: string): { at: number; len: number } | null {
  if (query === '') return null;
  const whole = hay.indexOf(query);
  if (whole >= 0) return { at: whole, len: query.length };
  const words = [...new Set(query.split(/[\s\p{P}]+/u).filter((w) => w !== ''))].sort((a, b) => b.length - a.length);
  for (const word of words) {
    const w = word.slice(0, MAX_WORD);
    const shortest = Math.min(2, w.length);
    for (let len = w.length; len >= shortest; len--) {
      for (let i = 0; i + len <= w.length; i++) {
        const at = hay.indexOf(w.slice(i, i + len));
        if (at >= 0) return { at, len };
      }
    }
  }
  return null;
}
