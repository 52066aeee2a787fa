import { Fragment } from 'react';

/**
 * A search snippet from the server, where each match is wrapped in 【】: the matches shown as
 * marked, bold text. Brackets without a partner stay as they are.
 */
export function Snippet({ text }: { text: string }) {
  const parts: { mark: boolean; s: string }[] = [];
  let rest = text;
  for (;;) {
    const open = rest.indexOf('【');
    const close = open < 0 ? -1 : rest.indexOf('】', open + 1);
    if (open < 0 || close < 0) {
      if (rest) parts.push({ mark: false, s: rest });
      break;
    }
    if (open > 0) parts.push({ mark: false, s: rest.slice(0, open) });
    parts.push({ mark: true, s: rest.slice(open + 1, close) });
    rest = rest.slice(close + 1);
  }
  return (
    <span>
      {parts.map((p, i) =>
        p.mark ? (
          <mark key={i} style={{ fontWeight: 600, background: '#fff1b8', padding: '0 1px' }}>
            {p.s}
          </mark>
        ) : (
          <Fragment key={i}>{p.s}</Fragment>
        ),
      )}
    </span>
  );
}
