import type { DuplicatePair, duplicatePairsSchema, MatterView, SimilarMatter } from '@huiyin/core';
import type { z } from 'zod';
import { Alert, App, Button, Card, Flex, Popconfirm, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { LoadError } from '../../../components/admin/LoadError.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { Highlight } from './components/Highlight.tsx';
import { RegionPicker } from './components/RegionPicker.tsx';
import { percent, useListOptions, useLvRoles, lvKeys } from './lv-api.ts';
import { api, query } from '../../../api/client.ts';
import { useApiQuery, keepPreviousData, useApiMutation } from '../../../api/query.ts';

const HIDDEN_KEY = 'huiyin.lv.notDuplicates';
const pairKey = (p: DuplicatePair) => [p.a.id, p.b.id].sort((x, y) => x - y).join('-');
const loadHidden = (): string[] => {
  try {
    return JSON.parse(localStorage.getItem(HIDDEN_KEY) ?? '[]') as string[];
  } catch {
    return [];
  }
};

function Side({ m, words }: { m: SimilarMatter; words: string[] }) {
  const { t } = useI18n();
  return (
    <div>
      <Typography.Text strong>
        #{m.id} <Highlight text={m.title} words={words} />
      </Typography.Text>
      <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
        {m.regionName} · {m.collectedOn} · {t('lv.matter.originatorsN', { n: m.originatorCount })}
      </div>
    </div>
  );
}

/**
 * 疑似重复: pairs of matters whose words overlap above the threshold, the shared words marked;
 * merge one into the other (the user picks the survivor) or set the pair aside as not duplicates
 * (kept in this browser for now).
 */
export function DuplicatesPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { home } = useLvRoles();
  const lists = useListOptions();
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? home;
  const listId = params.get('list') ?? '';
  const [hidden, setHidden] = useState<string[]>(loadHidden);
  const [showHidden, setShowHidden] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pairs = useApiQuery<z.infer<typeof duplicatePairsSchema>>(
    ['livelihood', 'duplicates', { regionCode: region, listId }],
    `/api/v1/matters/duplicates${query({ regionCode: region, listId })}`,
    { placeholderData: keepPreviousData },
  );
  const mergeMatters = useApiMutation(
    ({ from, into }: { from: number; into: number }) =>
      api<MatterView>(`/api/v1/matters/${from}/merge`, { method: 'POST', body: { intoId: into } }),
    lvKeys.matters,
  );
  const items = (pairs.data?.items ?? []).filter((p) => showHidden || !hidden.includes(pairKey(p)));

  function hide(p: DuplicatePair, on: boolean) {
    const next = on ? [...new Set([...hidden, pairKey(p)])] : hidden.filter((k) => k !== pairKey(p));
    localStorage.setItem(HIDDEN_KEY, JSON.stringify(next));
    setHidden(next);
  }

  async function merge(from: SimilarMatter, into: SimilarMatter) {
    setError(null);
    try {
      await mergeMatters.mutateAsync({ from: from.id, into: into.id });
      message.success(t('lv.merge.done'));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next);
  };

  return (
    <Card title={t('lv.dup.title')}>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <RegionPicker value={region || undefined} onChange={(v) => set('region', v)} />
        <Select
          allowClear
          placeholder={t('lv.list')}
          value={listId ? Number(listId) : undefined}
          onChange={(v?: number) => set('list', v ? String(v) : undefined)}
          options={lists.options}
          style={{ width: 260 }}
        />
        <Space>
          <Switch checked={showHidden} onChange={setShowHidden} aria-label={t('lv.dup.showHidden')} />
          {t('lv.dup.showHidden', { n: hidden.length })}
        </Space>
        {pairs.data && <Typography.Text type="secondary">{t('lv.dup.threshold', { p: percent(pairs.data.threshold) })}</Typography.Text>}
      </Flex>
      {error && <Alert type="error" showIcon closable={{ onClose: () => setError(null) }} title={error} style={{ marginBottom: 16 }} />}
      {pairs.error && <LoadError error={pairs.error} onRetry={pairs.refetch} />}
      <Table<DuplicatePair>
        data-testid="duplicates-table"
        rowKey={pairKey}
        size="middle"
        loading={pairs.isFetching}
        dataSource={items}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 980 }}
        locale={{ emptyText: t('lv.dup.none') }}
        columns={[
          {
            title: t('lv.similar.score'),
            dataIndex: 'score',
            width: 80,
            render: (s: number) => <Tag color={s >= 0.7 ? 'red' : 'orange'}>{percent(s)}</Tag>,
          },
          { title: 'A', key: 'a', render: (_: unknown, p) => <Side m={p.a} words={p.shared} /> },
          { title: 'B', key: 'b', render: (_: unknown, p) => <Side m={p.b} words={p.shared} /> },
          {
            title: t('lv.similar.sharedCol'),
            dataIndex: 'shared',
            width: 180,
            render: (ws: string[]) => (
              <Flex gap={4} wrap>
                {ws.map((w) => (
                  <Tag key={w} color="gold" style={{ marginInlineEnd: 0 }}>
                    {w}
                  </Tag>
                ))}
              </Flex>
            ),
          },
          {
            title: '',
            key: 'actions',
            width: 260,
            render: (_: unknown, p) => (
              <Space size={4} wrap>
                <Popconfirm
                  title={t('lv.merge.hereConfirm', { from: `#${p.b.id}`, into: `#${p.a.id}` })}
                  okText={t('confirm')}
                  cancelText={t('cancel')}
                  onConfirm={() => merge(p.b, p.a)}
                >
                  <Button size="small" type="primary" data-testid="merge-keep-a">
                    {t('lv.dup.keepA')}
                  </Button>
                </Popconfirm>
                <Popconfirm
                  title={t('lv.merge.hereConfirm', { from: `#${p.a.id}`, into: `#${p.b.id}` })}
                  okText={t('confirm')}
                  cancelText={t('cancel')}
                  onConfirm={() => merge(p.a, p.b)}
                >
                  <Button size="small" data-testid="merge-keep-b">
                    {t('lv.dup.keepB')}
                  </Button>
                </Popconfirm>
                {hidden.includes(pairKey(p)) ? (
                  <Button size="small" type="link" onClick={() => hide(p, false)}>
                    {t('lv.dup.unhide')}
                  </Button>
                ) : (
                  <Button size="small" type="link" onClick={() => hide(p, true)} data-testid="not-duplicate">
                    {t('lv.dup.notDuplicate')}
                  </Button>
                )}
                <Button size="small" type="link" onClick={() => navigate(`/admin/livelihood/matters?open=${p.a.id}`)}>
                  {t('lv.similar.open')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
