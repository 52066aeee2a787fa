import { Card, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { Citation } from '../../api/types.ts';
import { formatTime, useI18n } from '../../i18n/i18n.tsx';

/** 政策依据: the articles of the policy library a case cites; a repealed one is flagged in red. */
export function CitationsPanel({ citations, showEmpty }: { citations: readonly Citation[]; showEmpty: boolean }) {
  const { t, lang } = useI18n();
  if (citations.length === 0 && !showEmpty) return null;
  return (
    <Card title={t('sn.policyBasis')} data-testid="citations">
      {citations.length === 0 ? (
        <Typography.Text type="secondary">{t('sn.noCitations')}</Typography.Text>
      ) : (
        <Flex vertical gap={12}>
          {citations.map((c) => (
            <div key={c.policyId} data-testid="citation">
              <Flex gap={6} align="center" wrap>
                <Link to={`/admin/policies?open=${c.policyId}`}>
                  <Typography.Text strong delete={c.repealed}>
                    {c.title}
                    {c.articleNo ? ` ${c.articleNo}` : ''}
                  </Typography.Text>
                </Link>
                {c.repealed && (
                  <Tag color="red">
                    {t('policy.repealed')}
                    {c.repealedOn ? ` ${c.repealedOn}` : ''}
                  </Tag>
                )}
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.docNumber} · {c.issuer}
              </Typography.Text>
              <Typography.Paragraph
                style={{ margin: '4px 0 0', fontSize: 13 }}
                ellipsis={{ rows: 3, expandable: true, symbol: t('sn.more') }}
              >
                {c.excerpt}
              </Typography.Paragraph>
              {c.note && (
                <Typography.Text style={{ fontSize: 13 }}>
                  {t('sn.citeNote')}：{c.note}
                </Typography.Text>
              )}
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('sn.citedAt')} {formatTime(c.citedAt, lang)}
                </Typography.Text>
              </div>
            </div>
          ))}
        </Flex>
      )}
    </Card>
  );
}
