import { Fragment } from 'react';

/** The text with every occurrence of the given words marked (longest words first). */
export function Highlight({ text, words }: { text: string; words: readonly string[] }) {
  const sorted = [...new Set(words.filter((w) => w.length > 0))].sort((a, b) => b.length - a.length);
  if (sorted.length === 0) return <>{text}</>;
  const escaped = sorted.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts = text.split(new RegExp(`(${escaped.join('|')})`, 'g'));
  return (
    <span>
      {parts.map((p, i) =>
        sorted.includes(p) ? (
          <mark key={i} style={{ background: '#fff1b8', padding: '0 1px', fontWeight: 600 }}>
            {p}
          </mark>
        ) : (
          <Fragment key={i}>{p}</Fragment>
        ),
      )}
    </span>
  );
}
