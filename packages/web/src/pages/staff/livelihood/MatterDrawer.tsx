import type { MatterView, SimilarMatter } from '@huiyin/core';
import { Alert, App, Button, Descriptions, Drawer, Flex, Popconfirm, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { LoadError } from '../../../components/admin/LoadError.tsx';
import { formatTime, useI18n } from '../../../i18n/i18n.tsx';
import type { MessageKey } from '../../../i18n/messages.ts';
import { useMatterAnswer } from './components/MatterAnswer.tsx';
import { OriginatorsTable } from './components/OriginatorsTable.tsx';
import { SimilarTable } from './components/SimilarTable.tsx';
import { MatterStatusTag, ProjectStatusTag } from './components/Tags.tsx';
import { useAreas, useLvRoles, lvKeys } from './lv-api.ts';
import { api } from '../../../api/client.ts';
import { useApiQuery, useApiMutation } from '../../../api/query.ts';

/**
 * A matter: what, where, who raised it, what was merged into it and the project that answers it;
 * its likely duplicates, each of which may be merged into it (or it into one of them).
 */
export function MatterDrawer({ id, onOpen, onClose }: { id: number; onOpen: (id: number) => void; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { manage } = useLvRoles();
  const areas = useAreas();
  const [error, setError] = useState<string | null>(null);
  const matter = useApiQuery<MatterView>(['livelihood', 'matter', id], `/api/v1/matters/${id}`);
  const similar = useApiQuery<{ items: SimilarMatter[] }>(['livelihood', 'matter', id, 'similar'], `/api/v1/matters/${id}/similar`);
  const m = matter.data;
  const mergeable = manage && m?.status === 'open';
  const answer = useMatterAnswer(m, manage);
  const mergeMatters = useApiMutation(
    ({ from, into }: { from: number; into: number }) =>
      api<MatterView>(`/api/v1/matters/${from}/merge`, { method: 'POST', body: { intoId: into } }),
    lvKeys.matters,
  );

  async function merge(from: number, into: number) {
    setError(null);
    try {
      const survivor = await mergeMatters.mutateAsync({ from, into });
      message.success(t('lv.merge.done'));
      if (survivor.id !== id) onOpen(survivor.id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <Drawer open onClose={onClose} size={760} title={m ? `#${m.id} ${m.title}` : t('loading')} destroyOnHidden>
      {matter.error && <LoadError error={matter.error} onRetry={matter.refetch} />}
      {!m && !matter.error && <Skeleton active />}
      {m && (
        <div data-testid="matter-detail">
          {error && <Alert type="error" showIcon closable={{ onClose: () => setError(null) }} title={error} style={{ marginBottom: 12 }} />}
          {m.mergedIntoId && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={
                <span>
                  {t('lv.matter.mergedInto')} <Typography.Link onClick={() => onOpen(m.mergedIntoId!)}>#{m.mergedIntoId}</Typography.Link>
                </span>
              }
            />
          )}
          <Descriptions
            column={{ xs: 1, sm: 2 }}
            size="small"
            bordered
            styles={{ label: { whiteSpace: 'nowrap' } }}
            items={[
              { key: 'status', label: t('status'), children: <MatterStatusTag status={m.status} /> },
              { key: 'area', label: t('lv.area'), children: areas.label(m.areaCode) },
              { key: 'region', label: t('lv.region'), children: m.regionName },
              {
                key: 'list',
                label: t('lv.list'),
                children: m.listId ? <Link to={`/admin/livelihood/lists/${m.listId}`}>#{m.listId}</Link> : '—',
              },
              { key: 'source', label: t('lv.matter.source'), children: t(`lv.source.${m.source}` as MessageKey) },
              { key: 'on', label: t('lv.matter.collectedOn'), children: m.collectedOn },
              { key: 'by', label: t('lv.matter.collectedBy'), children: m.collectedBy ?? '—' },
              { key: 'created', label: t('createdAt'), children: formatTime(m.createdAt, lang) },
              {
                key: 'project',
                label: t('lv.matter.project'),
                children: m.project ? (
                  <Space size={4} wrap>
                    <Link to={`/admin/livelihood/projects/${m.project.id}`}>{m.project.title}</Link>
                    <ProjectStatusTag status={m.project.status} />
                  </Space>
                ) : (
                  '—'
                ),
              },
              {
                key: 'desc',
                label: t('lv.matter.description'),
                span: 'filled',
                children: <span style={{ whiteSpace: 'pre-wrap' }}>{m.description ?? '—'}</span>,
              },
            ]}
          />
          <Flex justify="space-between" align="center" style={{ marginTop: 20, marginBottom: 8 }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('lv.matter.originators')} ({m.originators.length})
            </Typography.Title>
            {answer.button}
          </Flex>
          <OriginatorsTable
            testId="matter-originators"
            items={m.originators}
            extra={answer.recordColumn ? [{ title: '', render: answer.recordAction }] : []}
          />
          {answer.dialogs}
          {m.mergedFrom.length > 0 && (
            <>
              <Typography.Title level={5} style={{ marginTop: 20 }}>
                {t('lv.matter.mergedFrom')}
              </Typography.Title>
              <Flex gap={8} wrap data-testid="merged-from">
                {m.mergedFrom.map((x) => (
                  <Typography.Link key={x.id} onClick={() => onOpen(x.id)}>
                    #{x.id} {x.title}
                  </Typography.Link>
                ))}
              </Flex>
            </>
          )}
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t('lv.similar.title')}
          </Typography.Title>
          {similar.error && <LoadError error={similar.error} onRetry={similar.refetch} />}
          {similar.isFetching ? (
            <Skeleton active paragraph={{ rows: 2 }} />
          ) : (
            <SimilarTable
              testId="matter-similar"
              items={similar.data?.items ?? []}
              actions={(s) => (
                <Space size={4} wrap>
                  <Button size="small" onClick={() => onOpen(s.id)}>
                    {t('lv.similar.open')}
                  </Button>
                  {mergeable && s.status === 'open' && (
                    <>
                      <Popconfirm
                        title={t('lv.merge.hereConfirm', { from: `#${s.id}`, into: `#${m.id}` })}
                        okText={t('confirm')}
                        cancelText={t('cancel')}
                        onConfirm={() => merge(s.id, m.id)}
                      >
                        <Button size="small" type="primary" data-testid="merge-here">
                          {t('lv.merge.here')}
                        </Button>
                      </Popconfirm>
                      <Popconfirm
                        title={t('lv.merge.hereConfirm', { from: `#${m.id}`, into: `#${s.id}` })}
                        okText={t('confirm')}
                        cancelText={t('cancel')}
                        onConfirm={() => merge(m.id, s.id)}
                      >
                        <Button size="small">{t('lv.merge.there')}</Button>
                      </Popconfirm>
                    </>
                  )}
                </Space>
              )}
            />
          )}
        </div>
      )}
    </Drawer>
  );
}
