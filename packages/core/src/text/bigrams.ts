/**
 * Chinese-aware search terms without a dictionary: text is split at punctuation and spaces;
 * runs of CJK characters give overlapping character bigrams (停水通知 -> 停水 水通 通知), a lone
 * CJK character stands for itself, and runs of Latin letters or digits are kept whole
 * (lower-cased). Full-width forms are folded by NFKC first. A query matches a document when
 * every query term is among the document's terms, so two-character words such as 停水 and
 * 证明 are found wherever they occur.
 */
const cjk = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;

export function searchTerms(text: string, maxTerms = 4000): string[] {
  const terms = new Set<string>();
  const normalized = text.normalize('NFKC').toLowerCase();
  for (const run of normalized.split(/[^\p{L}\p{N}]+/u)) {
    if (run === '') continue;
    let latin = '';
    let han = '';
    const flushLatin = () => {
      if (latin !== '') terms.add(latin.slice(0, 64));
      latin = '';
    };
    const flushHan = () => {
      if (han.length === 1) terms.add(han);
      for (let i = 0; i + 1 < han.length; i++) terms.add(han.slice(i, i + 2));
      han = '';
    };
    for (const ch of run) {
      if (cjk.test(ch)) {
        flushLatin();
        han += ch;
      } else {
        flushHan();
        latin += ch;
      }
    }
    flushLatin();
    flushHan();
    if (terms.size >= maxTerms) break;
  }
  return [...terms].slice(0, maxTerms);
}
