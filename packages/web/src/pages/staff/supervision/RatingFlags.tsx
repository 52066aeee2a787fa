import type { RatingFlagsView } from '@huiyin/core';
import { Card, Descriptions, Empty, Flex, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { LoadError } from '../../../components/admin/LoadError.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { MessageKey } from '../../../i18n/messages.ts';
import { useApiQuery, keepPreviousData } from '../../../api/query.ts';

const colour: Record<string, string> = {
  rated_by_handling_unit: 'volcano',
  burst_by_one_account: 'orange',
  rated_before_reply: 'red',
  too_good_with_reopens: 'purple',
  same_comment: 'gold',
};

/** A value of the evidence as a supervisor reads it (lists joined, objects as JSON). */
function show(v: unknown): string {
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join('、');
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/**
 * 疑似刷分: the follow-up ratings the honesty rules flagged in the window, each with its evidence and
 * the cases to look at. A flag is a reason to check the recordings, never a verdict.
 */
export function RatingFlags({ days }: { days: number }) {
  const { t, lang } = useI18n();
  const flags = useApiQuery<RatingFlagsView>(['supervision', 'rating-flags', days], `/api/v1/supervision/rating-flags?days=${days}`, {
    placeholderData: keepPreviousData,
  });
  return (
    <Card size="small" title={t('sv.flags.title')} data-testid="rating-flags">
      {flags.error && <LoadError error={flags.error} onRetry={flags.refetch} />}
      {flags.data && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('sv.flags.hint', { n: flags.data.ratings })}
        </Typography.Paragraph>
      )}
      {flags.data && flags.data.items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sv.flags.none')} />}
      {flags.data && flags.data.items.length > 0 && (
        <Flex vertical>
          {flags.data.items.map((f, i) => (
            <div key={`${f.kind}-${i}`} style={{ padding: '12px 0', borderTop: i === 0 ? undefined : '1px solid #f0f0f0' }}>
              <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
                <Space wrap>
                  <Tag color={colour[f.kind] ?? 'default'}>{t(`sv.flags.kind.${f.kind}` as MessageKey)}</Tag>
                  <Typography.Text>{lang === 'zh' ? f.summary.zh : f.summary.en}</Typography.Text>
                </Space>
                <Descriptions
                  size="small"
                  column={{ xs: 1, md: 2 }}
                  items={Object.entries(f.evidence)
                    .filter(([, v]) => v !== null && v !== undefined)
                    .slice(0, 8)
                    .map(([k, v]) => ({
                      key: k,
                      label: k,
                      children: <Typography.Text style={{ wordBreak: 'break-all' }}>{show(v)}</Typography.Text>,
                    }))}
                />
                <Space wrap size={4}>
                  {f.cases.slice(0, 20).map((c) => (
                    <Link key={c.id} to={`/admin/cases/${c.id}`}>
                      {c.trackingNo ?? `#${c.id}`}
                    </Link>
                  ))}
                  {f.cases.length > 20 && (
                    <Typography.Text type="secondary">{t('sv.flags.more', { n: f.cases.length - 20 })}</Typography.Text>
                  )}
                </Space>
              </Flex>
            </div>
          ))}
        </Flex>
      )}
    </Card>
  );
}
