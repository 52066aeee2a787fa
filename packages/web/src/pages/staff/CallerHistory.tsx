import { REPEAT_WINDOW_DAYS, normalizePhone, type CallerHistory as History } from '@huiyin/core';
import { Alert, Button, Card, Empty, List, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { StatusTag } from '../../components/StatusTag.tsx';
import { formatTime, useI18n } from '../../i18n/i18n.tsx';

/**
 * The caller's earlier cases beside the registration form (POST /api/v1/hotline/caller-history):
 * open ones first, a repeat caller flagged (重复来电), and an open case offered as the one a repeat
 * is linked to when it is refused.
 */
/** The caller's history as the form asks it: 300 ms after the last key, and only for a complete number. */
export function useCallerHistory(phone: string | undefined) {
  const [asked, setAsked] = useState<string | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setAsked(phone ? normalizePhone(phone) : null), 300);
    return () => clearTimeout(timer);
  }, [phone]);
  // A POST: the number goes in the body, never in an address (addresses are logged).
  const history = useQuery<History>({
    queryKey: ['caller-history', asked],
    queryFn: ({ signal }) => api<History>('/api/v1/hotline/caller-history', { method: 'POST', body: { phone: asked }, signal }),
    enabled: asked !== null,
    retry: false,
  });
  return { asked, loading: asked !== null && history.isLoading, data: asked === null ? undefined : history.data };
}

export function CallerHistory({
  asked,
  loading,
  data: h,
  onLinkRepeat,
}: ReturnType<typeof useCallerHistory> & { onLinkRepeat: (caseId: number) => void }) {
  const { t, lang } = useI18n();
  return (
    <Card
      size="small"
      title={
        <Space>
          {t('hotline.history')}
          {h?.repeat && (
            <Tag color="red" data-testid="repeat-caller">
              {t('hotline.repeat')}
            </Tag>
          )}
        </Space>
      }
      data-testid="caller-history"
      style={{ marginBottom: 16 }}
    >
      {asked === null ? (
        <Typography.Text type="secondary">{t('hotline.historyHint')}</Typography.Text>
      ) : loading ? (
        <Spin size="small" />
      ) : !h || h.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hotline.historyEmpty')} />
      ) : (
        <>
          {h.repeat && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 8 }}
              title={t('hotline.repeatHint', { open: h.openCount, recent: h.recentCount, days: REPEAT_WINDOW_DAYS })}
            />
          )}
          <List
            size="small"
            dataSource={h.items}
            renderItem={(c) => (
              <List.Item
                data-testid="caller-case"
                actions={
                  c.open
                    ? [
                        <Button key="link" size="small" onClick={() => onLinkRepeat(c.id)}>
                          {t('hotline.linkRepeat')}
                        </Button>,
                      ]
                    : []
                }
              >
                <Space wrap size={4}>
                  <Tag color={c.open ? 'orange' : 'default'}>{c.open ? t('hotline.open') : t('hotline.done')}</Tag>
                  <StatusTag status={c.status} />
                  <Link to={`/admin/cases/${c.id}`} target="_blank">
                    {c.trackingNo}
                  </Link>
                  <Typography.Text>{c.title}</Typography.Text>
                  <Typography.Text type="secondary">{formatTime(c.createdAt, lang)}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
}
