import { FilePdfOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Flex, Steps, Tag, Timeline, Typography, theme } from 'antd';
import { formatTime, useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import type { Tracked } from './citizen-api.ts';
import { RatingForm } from './RatingForm.tsx';
import { downloadUrl } from '../../api/client.ts';

/** Where a status stands on the citizen's four steps: registered, being handled, answered, closed. */
const stepOf: Record<string, number> = {
  registered: 0,
  dispatched: 1,
  returned: 1,
  in_progress: 1,
  reply_review: 1,
  merged: 1,
  replied: 2,
  closed: 3,
};

const tagColour: Record<string, string> = { replied: 'green', closed: 'default', merged: 'purple' };

/** A request as the citizen sees it: status in plain words, the answer, the rating, the history. */
export function TrackResult({
  data,
  last4,
  loading,
  onRefresh,
  onRated,
  rateUrl,
}: {
  data: Tracked;
  /** The phone's last 4 digits the citizen typed; null when they came by a follow-up link. */
  last4: string | null;
  loading: boolean;
  onRefresh: () => void;
  onRated: (v: Tracked) => void;
  /** Where the rating goes instead of the tracking page's endpoint (a follow-up link). */
  rateUrl?: string;
}) {
  const { t, lang } = useI18n();
  const { token } = theme.useToken();
  const step = stepOf[data.status] ?? 1;
  const statusKey = (prefix: string) => `${prefix}.${data.status}` as MessageKey;
  // Newest first: what happened last is what the citizen came to see.
  const timeline = [...data.timeline].reverse();
  const letter =
    data.writtenAnswer && last4 !== null
      ? downloadUrl(`/api/v1/track/${encodeURIComponent(data.trackingNo)}/answer.pdf`, { phone: last4 })
      : null;
  const letterButton = letter && (
    <Button icon={<FilePdfOutlined />} href={letter} target="_blank" rel="noopener" data-testid="answer-pdf" block style={{ marginTop: 8 }}>
      {t('writtenAnswer')}
    </Button>
  );

  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Flex vertical style={{ padding: '8px 0', whiteSpace: 'normal' }}>
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
              {t('trackingNo')} {data.trackingNo}
            </Typography.Text>
            <span>{data.title}</span>
          </Flex>
        }
        extra={
          <Button type="text" icon={<ReloadOutlined />} loading={loading} onClick={onRefresh} aria-label={t('refresh')}>
            {t('refresh')}
          </Button>
        }
      >
        <Flex align="center" gap={8} wrap style={{ marginBottom: 8 }}>
          <Tag
            color={tagColour[data.status] ?? 'red'}
            style={{ fontSize: 15, padding: '2px 10px', marginInlineEnd: 0 }}
            data-testid="citizen-status"
          >
            {t(statusKey('citizenStatus'))}
          </Tag>
        </Flex>
        <Typography.Paragraph style={{ fontSize: 15 }}>{t(statusKey('citizenStatusHelp'))}</Typography.Paragraph>
        <Steps
          size="small"
          current={step}
          status={data.status === 'closed' ? 'finish' : 'process'}
          responsive={false}
          titlePlacement="vertical"
          items={[{ title: t('stepRegistered') }, { title: t('stepHandling') }, { title: t('stepAnswered') }, { title: t('stepClosed') }]}
          style={{ marginBottom: 16 }}
        />
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'type', label: t('type'), children: t(`type.${data.type}` as MessageKey) },
            { key: 'createdAt', label: t('submittedAt'), children: formatTime(data.createdAt, lang) },
            ...(data.answerBy ? [{ key: 'answerBy', label: t('answerBy'), children: formatTime(data.answerBy, lang) }] : []),
          ]}
        />
      </Card>

      {data.answer && (
        <Card title={t('answerTitle')} styles={{ header: { background: token.colorSuccessBg } }}>
          <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
            {data.answer.outcome && (
              <Tag color={data.answer.outcome === 'resolved' ? 'green' : data.answer.outcome === 'partly' ? 'gold' : 'blue'}>
                {t(`outcome.${data.answer.outcome}` as MessageKey)}
              </Tag>
            )}
            {data.answer.repliedAt && <Typography.Text type="secondary">{formatTime(data.answer.repliedAt, lang)}</Typography.Text>}
          </Flex>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 15 }} data-testid="answer-text">
            {data.answer.text}
          </Typography.Paragraph>
          {data.answer.policyBasis && (
            <>
              <Typography.Text strong>{t('policyBasis')}</Typography.Text>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{data.answer.policyBasis}</Typography.Paragraph>
            </>
          )}
          {letterButton}
        </Card>
      )}
      {!data.answer && letterButton && <Card title={t('answerTitle')}>{letterButton}</Card>}

      {data.canRate && (
        <Card title={t('rateTitle')}>
          <Typography.Paragraph type="secondary">{t('rateIntro')}</Typography.Paragraph>
          <RatingForm
            url={rateUrl ?? `/api/v1/track/${encodeURIComponent(data.trackingNo)}/rating`}
            {...(rateUrl === undefined && last4 !== null ? { extra: { phone: last4 } } : {})}
            onRated={onRated}
          />
        </Card>
      )}
      {!data.canRate && data.rating && (
        <Card title={data.rating.by === 'citizen' ? t('yourRating') : t('followUpRating')}>
          <Flex gap={8} wrap>
            {data.rating.solved !== null && (
              <Tag color={data.rating.solved ? 'green' : 'orange'}>{data.rating.solved ? t('rateSolvedYes') : t('rateSolvedNo')}</Tag>
            )}
            <Tag color="blue">{t(`satisfaction.${data.rating.satisfaction}` as MessageKey)}</Tag>
          </Flex>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {data.rating.by === 'citizen' ? t('ratingThanks') : t('followUpRatingNote')}
          </Typography.Paragraph>
        </Card>
      )}

      <Card title={t('timelineTitle')}>
        {timeline.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('timelineEmpty')} />
        ) : (
          <Timeline
            items={timeline.map((e, i) => ({
              key: `${e.at}-${i}`,
              color: i === 0 ? 'red' : 'gray',
              content: (
                <>
                  <div style={{ whiteSpace: 'pre-wrap' }}>{e.text}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatTime(e.at, lang)}
                  </Typography.Text>
                </>
              ),
            }))}
          />
        )}
      </Card>
    </Flex>
  );
}
