import { App, Button, Card, Table, Typography } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { DeliveryChannel, DeliveryPage, DeliveryView } from '@huiyin/core';
import { api, ApiError, query } from '../../../api/client.ts';
import { LoadError } from '../../../components/admin/LoadError.tsx';
import { formatTime, useI18n } from '../../../i18n/i18n.tsx';
import type { MessageKey } from '../../../i18n/messages.ts';
import { useApiMutation } from '../../../api/query.ts';

/** A delivery that failed after every retry (GET /api/v1/admin/deliveries?status=dead). */
export type DeadLetter = DeliveryView;

const channelKeys: Record<DeliveryChannel, MessageKey> = {
  inapp: 'sv.channel.inapp',
  email: 'sv.channel.email',
  sms: 'sv.channel.sms',
  webhook: 'sv.channel.webhook',
};

/** A page of dead letters, or `null` when the server has no such route yet. */
async function loadDeadLetters(cursor: string | null, signal?: AbortSignal): Promise<DeliveryPage | null> {
  try {
    return await api<DeliveryPage>(`/api/v1/admin/deliveries${query({ status: 'dead', cursor })}`, { signal });
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

/**
 * Admin only: notifications that failed after every retry, each with a button to queue it again.
 * Renders nothing while the server does not offer the deliveries API (404).
 */
export function DeadLetters() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  // The first page, then those appended by "load more"; a retry loads them again.
  const dead = useInfiniteQuery({
    queryKey: ['supervision', 'dead-letters'],
    queryFn: ({ pageParam, signal }) => loadDeadLetters(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last?.nextCursor ?? null,
  });
  const retryDelivery = useApiMutation(
    (id: number) => api(`/api/v1/admin/deliveries/${id}/retry`, { method: 'POST' }),
    [['supervision', 'dead-letters']],
  );
  const [busy, setBusy] = useState<number | null>(null);
  const first = dead.data?.pages[0];
  // A failed first page is shown as such; a failed later page only says so.
  const error = first === undefined ? dead.error : null;

  // Nothing until the server has answered: a missing route (404) must not flash an empty card.
  if (first === null || (first === undefined && !error)) return null;

  const rows = dead.data?.pages.flatMap((p) => p?.items ?? []) ?? [];
  const cursor = dead.hasNextPage;

  async function loadMore() {
    if (!cursor) return;
    const r = await dead.fetchNextPage();
    if (r.isError) void message.error(r.error.message);
  }

  async function retry(id: number) {
    setBusy(id);
    try {
      await retryDelivery.mutateAsync(id);
      void message.success(t('sv.dead.retried'));
    } catch (e) {
      void message.error(`${t('sv.dead.retryFailed')}: ${(e as Error).message}`);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Card
      size="small"
      title={t('sv.dead.title')}
      data-testid="dead-letters"
      extra={rows.length > 0 ? <Typography.Text type="danger">{cursor ? `${rows.length}+` : rows.length}</Typography.Text> : null}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('sv.dead.hint')}
      </Typography.Paragraph>
      {error && <LoadError error={error} onRetry={() => void dead.refetch()} />}
      {!error && (
        <Table<DeadLetter>
          rowKey="id"
          size="small"
          loading={dead.isFetching && !dead.isFetchingNextPage}
          dataSource={rows}
          pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false, size: 'small' } : false}
          scroll={{ x: 1150 }}
          locale={{ emptyText: t('sv.dead.empty') }}
          columns={[
            {
              title: t('sv.dead.topic'),
              dataIndex: 'topic',
              width: 200,
              render: (v: string) => (
                <Typography.Text ellipsis={{ tooltip: v }} style={{ maxWidth: 184, fontFamily: 'monospace', fontSize: 12 }}>
                  {v}
                </Typography.Text>
              ),
            },
            {
              title: t('sv.dead.channel'),
              dataIndex: 'channel',
              width: 100,
              render: (v: DeliveryChannel) => t(channelKeys[v]),
            },
            { title: t('sv.dead.recipient'), dataIndex: 'recipient', width: 180, ellipsis: { showTitle: true } },
            { title: t('sv.dead.attempts'), dataIndex: 'attempts', width: 90, align: 'right' },
            {
              title: t('sv.dead.lastError'),
              dataIndex: 'lastError',
              width: 320,
              render: (v: string | null) =>
                v ? (
                  <Typography.Text type="danger" ellipsis={{ tooltip: v }} style={{ maxWidth: 304, fontSize: 12 }}>
                    {v}
                  </Typography.Text>
                ) : (
                  '—'
                ),
            },
            { title: t('sv.dead.createdAt'), dataIndex: 'createdAt', width: 170, render: (v: string | null) => formatTime(v, lang) },
            {
              title: '',
              key: 'retry',
              width: 90,
              fixed: 'right',
              render: (_: unknown, d) => (
                <Button size="small" loading={busy === d.id} disabled={busy !== null && busy !== d.id} onClick={() => void retry(d.id)}>
                  {t('sv.dead.retry')}
                </Button>
              ),
            },
          ]}
        />
      )}
      {!error && cursor && (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button onClick={() => void loadMore()} loading={dead.isFetchingNextPage}>
            {t('list.more')}
          </Button>
        </div>
      )}
    </Card>
  );
}
