import { Select, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { query as qs } from '../api/client.ts';
import type { PolicyHit } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Snippet } from './Snippet.tsx';
import { useApiQuery, keepPreviousData } from '../api/query.ts';

/** What the picker needs to show an article already chosen (e.g. a citation of the case). */
export interface PolicyChoice {
  id: number;
  title: string;
  articleNo: string | null;
  docNumber: string;
  repealed: boolean;
}

export function policyLabel(p: Pick<PolicyChoice, 'title' | 'articleNo'>): string {
  return p.articleNo ? `${p.title} ${p.articleNo}` : p.title;
}

type Props = {
  /** Articles already chosen, so their names show before any search. */
  known?: readonly PolicyChoice[];
  placeholder?: string;
  id?: string;
  'aria-label'?: string;
} & (
  | { mode: 'multiple'; value?: number[]; onChange?: (v: number[]) => void }
  | { mode: 'single'; value?: number; onChange?: (v: number | undefined) => void }
);

/**
 * Pick articles of the policy library (知识库) by searching as you type: each hit shows its
 * document number and the matching passage, the match marked. Repealed articles are not
 * offered (the server leaves them out unless asked).
 */
const noHits: PolicyHit[] = [];

export function PolicyPicker(props: Props) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  // The search goes out 250 ms after the last key.
  const [term, setTerm] = useState('');
  // Every article seen so far, so a chosen one keeps its name when the next search drops it.
  const seen = useRef(new Map<number, PolicyChoice>());
  for (const k of props.known ?? []) if (!seen.current.has(k.id)) seen.current.set(k.id, k);

  useEffect(() => {
    const timer = setTimeout(() => setTerm(query.trim()), 250);
    return () => clearTimeout(timer);
  }, [query]);
  const search = useApiQuery<{ items: PolicyHit[] }>(
    ['policies', { q: term, pageSize: 10 }],
    `/api/v1/policies${qs({ pageSize: 10, q: term })}`,
    {
      placeholderData: keepPreviousData,
    },
  );
  const hits = search.data?.items ?? noHits;
  for (const h of hits) seen.current.set(h.id, h);
  const loading = search.isFetching || term !== query.trim();

  const chosen = useMemo(
    () => (props.mode === 'multiple' ? (props.value ?? []) : props.value === undefined ? [] : [props.value]),
    [props.mode, props.value],
  );
  const options = useMemo(() => {
    const list: { value: number; label: string; hit: PolicyHit | null }[] = hits.map((h) => ({
      value: h.id,
      label: policyLabel(h),
      hit: h,
    }));
    for (const id of chosen) {
      if (list.some((o) => o.value === id)) continue;
      const k = seen.current.get(id);
      list.push({ value: id, label: k ? policyLabel(k) : `#${id}`, hit: null });
    }
    return list;
  }, [hits, chosen]);

  const common = {
    ...(props.id !== undefined ? { id: props.id } : {}),
    ...(props['aria-label'] !== undefined ? { 'aria-label': props['aria-label'] } : {}),
    style: { width: '100%' },
    placeholder: props.placeholder ?? t('policy.pickerHint'),
    showSearch: { filterOption: false, onSearch: setQuery },
    notFoundContent: loading ? <Spin size="small" /> : t('policy.noHits'),
    options,
    optionRender: (o: { data: (typeof options)[number] }) => {
      const h = o.data.hit;
      if (!h) return o.data.label;
      return (
        <div style={{ whiteSpace: 'normal', padding: '2px 0' }} data-policy-id={h.id}>
          <Space size={4} wrap>
            <Typography.Text strong>{policyLabel(h)}</Typography.Text>
            <Typography.Text type="secondary">{h.docNumber}</Typography.Text>
            {h.repealed && <Tag color="red">{t('policy.repealed')}</Tag>}
          </Space>
          <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.65)' }}>
            <Snippet text={h.snippet} />
          </div>
        </div>
      );
    },
    popupMatchSelectWidth: true,
    listHeight: 320,
    onOpenChange: (open: boolean) => {
      if (!open) setQuery('');
    },
  };
  return props.mode === 'multiple' ? (
    <Select<number[], (typeof options)[number]>
      {...common}
      mode="multiple"
      value={props.value ?? []}
      onChange={(v) => props.onChange?.(v)}
    />
  ) : (
    <Select<number | null, (typeof options)[number]>
      {...common}
      allowClear
      value={props.value ?? null}
      onChange={(v) => props.onChange?.(v ?? undefined)}
    />
  );
}
