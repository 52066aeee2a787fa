import { useInfiniteQuery } from '@tanstack/react-query';
import type { AuditEntryView, AuditLogPage as AuditPage } from '@huiyin/core';
import { Button, Card, DatePicker, Input, Result, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, ApiError, query } from '../../api/client.ts';
import { useSession } from '../../api/session.tsx';
import { LoadError } from '../../components/admin/LoadError.tsx';
import { day as beijingDay } from '../../components/public-projects/public-api.ts';
import { formatTime, useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';

interface Filter {
  actor: string;
  action: string;
  outcome: '' | 'ok' | 'failed' | 'denied';
  range: [Dayjs, Dayjs] | null;
}

const empty: Filter = { actor: '', action: '', outcome: '', range: null };
const outcomeColour = { ok: 'green', failed: 'orange', denied: 'red' } as const;
const knownActions = [
  'auth.login',
  'auth.logout',
  'auth.password.change',
  'auth.lockout',
  'auth.totp.enrol',
  'user.create',
  'user.update',
  'user.password.reset',
  'user.unlock',
  'access.denied',
  'audit.read',
  'pii.reveal',
  'discipline.read',
] as const;

/** Beijing's calendar day of a picked date. */
function day(d: Dayjs): string {
  return d.format('YYYY-MM-DD');
}

/**
 * The audit log for auditors (安全审计员): every sign-in, account change, export, reveal and refusal
 * of their regions, newest first, with filters by who, what, outcome and time; a shortcut for the
 * day's sign-ins and one for exports. Read-only: nothing on this page changes anything.
 */
export function AuditLogPage() {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const [draft, setDraft] = useState<Filter>(empty);
  const [filter, setFilter] = useState<Filter>(empty);
  const params = {
    actor: filter.actor.trim() || undefined,
    action: filter.action.trim() || undefined,
    outcome: filter.outcome || undefined,
    from: filter.range ? day(filter.range[0]) : undefined,
    to: filter.range ? day(filter.range[1]) : undefined,
  };
  const log = useInfiniteQuery({
    queryKey: ['audit-log', params],
    queryFn: ({ pageParam, signal }) =>
      api<AuditPage>(`/api/v1/audit-log${query({ ...params, cursor: pageParam, pageSize: 50 })}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: !!me?.roles.includes('auditor'),
  });
  if (me && !me.roles.includes('auditor')) return <Result status="403" title={t('audit.forbidden')} />;
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];
  const actionLabel = (a: string) => {
    const key = `audit.action.${a}` as MessageKey;
    return (knownActions as readonly string[]).includes(a) ? t(key) : a;
  };
  const apply = (f: Filter) => {
    setDraft(f);
    setFilter(f);
  };
  // Today in Beijing (the API reads bare dates as Beijing days), whatever the browser's time zone.
  const today = dayjs(beijingDay(new Date().toISOString()));

  return (
    <Card title={t('audit.title')}>
      <Typography.Paragraph type="secondary">{t('audit.hint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input
          aria-label={t('audit.filter.actor')}
          placeholder={t('audit.filter.actor')}
          value={draft.actor}
          allowClear
          style={{ width: 180 }}
          onChange={(e) => setDraft({ ...draft, actor: e.target.value })}
          onPressEnter={() => setFilter(draft)}
        />
        <Select
          aria-label={t('audit.filter.action')}
          placeholder={t('audit.filter.action')}
          style={{ width: 200 }}
          allowClear
          showSearch
          value={draft.action || undefined}
          onChange={(v: string | undefined) => apply({ ...draft, action: v ?? '' })}
          options={[
            { value: 'auth', label: 'auth.*' },
            { value: 'user', label: 'user.*' },
            { value: 'export', label: 'export.*' },
            { value: 'settings', label: 'settings.*' },
            ...knownActions.map((a) => ({ value: a, label: `${actionLabel(a)} (${a})` })),
          ]}
        />
        <Select
          aria-label={t('audit.filter.outcome')}
          placeholder={t('audit.filter.outcome')}
          style={{ width: 120 }}
          allowClear
          value={draft.outcome || undefined}
          onChange={(v: Filter['outcome'] | undefined) => apply({ ...draft, outcome: v ?? '' })}
          options={(['ok', 'failed', 'denied'] as const).map((o) => ({ value: o, label: t(`audit.outcome.${o}`) }))}
        />
        <DatePicker.RangePicker
          aria-label={t('audit.filter.range')}
          value={draft.range}
          onChange={(v) => apply({ ...draft, range: v && v[0] && v[1] ? [v[0], v[1]] : null })}
        />
        <Button type="primary" onClick={() => setFilter(draft)}>
          {t('search')}
        </Button>
        <Button onClick={() => apply({ ...empty, action: 'auth.login', range: [today, today] })}>{t('audit.filter.today')}</Button>
        <Button onClick={() => apply({ ...empty, action: 'export' })}>{t('audit.filter.exports')}</Button>
        <Button onClick={() => apply(empty)}>{t('audit.filter.reset')}</Button>
      </Space>
      {!!log.error && !(log.error instanceof ApiError && log.error.status === 404) && (
        <LoadError error={log.error} onRetry={() => void log.refetch()} />
      )}
      <Table<AuditEntryView>
        rowKey="seq"
        size="small"
        loading={log.isFetching}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1100 }}
        locale={{ emptyText: t('empty') }}
        columns={[
          { title: t('audit.col.seq'), dataIndex: 'seq', width: 80 },
          { title: t('audit.col.at'), dataIndex: 'at', width: 170, render: (v: string) => formatTime(v, lang) },
          {
            title: t('audit.col.actor'),
            width: 140,
            render: (_: unknown, r) => r.actor?.name ?? t('audit.system'),
          },
          { title: t('audit.col.action'), dataIndex: 'action', width: 170, render: (a: string) => actionLabel(a) },
          {
            title: t('audit.col.outcome'),
            dataIndex: 'outcome',
            width: 90,
            render: (o: AuditEntryView['outcome']) => <Tag color={outcomeColour[o]}>{t(`audit.outcome.${o}`)}</Tag>,
          },
          { title: t('audit.col.target'), width: 130, render: (_: unknown, r) => (r.target ? `${r.target.type} ${r.target.id}` : '—') },
          { title: t('audit.col.ip'), dataIndex: 'sourceIp', width: 130, render: (v: string | null) => v ?? '—' },
          {
            title: t('audit.col.detail'),
            dataIndex: 'detail',
            render: (d: Record<string, unknown>) => (
              <Typography.Text style={{ fontSize: 12, wordBreak: 'break-all' }}>
                {Object.keys(d).length ? JSON.stringify(d) : '—'}
              </Typography.Text>
            ),
          },
        ]}
      />
      {log.hasNextPage && (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
            {t('audit.more')}
          </Button>
        </div>
      )}
    </Card>
  );
}
