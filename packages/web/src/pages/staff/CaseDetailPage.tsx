import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useApiQuery } from '../../api/query.ts';
import type { CaseDetail } from '../../api/types.ts';
import { DueTag } from '../../components/DueTag.tsx';
import { MapView } from '../../components/MapView.tsx';
import { CitationsPanel } from '../../components/safety-net/CitationsPanel.tsx';
import { SafetyNetPanel } from '../../components/safety-net/SafetyNetPanel.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { formatTime, useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { ActionBar } from './actions/ActionBar.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';
import { ConsultationPanel } from './ConsultationPanel.tsx';
import { AnswerLetterButtons } from './AnswerLetterButtons.tsx';
import { downloadUrl } from '../../api/client.ts';

/** One case: who asked what, the deadline, the answer, the full timeline, and the actions the user may take. */
export function CaseDetailPage() {
  const { id } = useParams();
  const { t, lang } = useI18n();
  const loaded = useApiQuery<CaseDetail>(['case', Number(id)], `/api/v1/cases/${id ?? ''}`);
  const c = loaded.data ?? null;
  const error = loaded.isError && !loaded.isFetching ? loaded.error.message : null;

  if (error) {
    return (
      <Alert
        type="error"
        showIcon
        title={t('loadFailed')}
        description={error}
        action={
          <Space>
            <Button onClick={() => void loaded.refetch()}>{t('retry')}</Button>
            <Link to="/admin/cases">{t('detail.back')}</Link>
          </Space>
        }
      />
    );
  }
  if (!c) return <Skeleton active />;
  // A safety-net decision shows its answer in its own panel (with the root cause and the letter).
  const decided = !!c.safetyNet?.decision;
  return (
    <Row gutter={[16, 16]}>
      {/* On a phone the actions come first, above the long record. */}
      <Col xs={{ span: 24, order: 2 }} xl={{ span: 16, order: 1 }}>
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card
            title={
              <Space>
                {c.trackingNo}
                <StatusTag status={c.status} />
                {c.urgent && <Tag color="red">{t('type.help')}·!</Tag>}
              </Space>
            }
            extra={
              <Space>
                <DueTag due={c.nextDueAt} state={c.dueState} />
                <Button
                  size="small"
                  icon={<PrinterOutlined />}
                  href={downloadUrl(`/api/v1/cases/${c.id}/sheet.pdf`)}
                  target="_blank"
                  rel="noopener"
                  data-testid="case-sheet"
                >
                  {t('papers.print')}
                </Button>
                <AnswerLetterButtons c={c} />
              </Space>
            }
          >
            <Typography.Title level={4} style={{ marginTop: 0 }}>
              {c.title}
            </Typography.Title>
            <Descriptions column={{ xs: 1, sm: 2, md: 3 }} size="small" bordered>
              <Descriptions.Item label={t('type')}>{t(`type.${c.type}` as MessageKey)}</Descriptions.Item>
              <Descriptions.Item label={t('channel')}>{t(`channel.${c.channel}` as MessageKey)}</Descriptions.Item>
              <Descriptions.Item label={t('createdAt')}>{formatTime(c.createdAt, lang)}</Descriptions.Item>
              <Descriptions.Item label={t('detail.requester')}>{c.requester.name ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('phone')}>{c.requester.phone}</Descriptions.Item>
              <Descriptions.Item label={t('region')}>{c.regionName}</Descriptions.Item>
              <Descriptions.Item label={t('address')} span="filled">
                {c.address ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('content')} span="filled">
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.content}</Typography.Paragraph>
              </Descriptions.Item>
              <Descriptions.Item label={t('detail.leadUnit')}>{c.leadUnit?.name ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('detail.assistUnits')} span="filled">
                {c.assistUnits.length > 0 ? c.assistUnits.map((u) => u.name).join('、') : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('detail.signBy')}>{formatTime(c.signBy, lang)}</Descriptions.Item>
              <Descriptions.Item label={t('detail.answerBy')} span="filled">
                {formatTime(c.answerBy, lang)}
              </Descriptions.Item>
            </Descriptions>
            {c.pendingExtension && (
              <Alert
                type="warning"
                showIcon
                style={{ marginTop: 16 }}
                title={t('detail.pendingExtension', { days: c.pendingExtension.days, reason: c.pendingExtension.reason })}
              />
            )}
            {c.masterId !== null && (
              <Alert
                type="info"
                showIcon
                style={{ marginTop: 16 }}
                title={<Link to={`/admin/cases/${c.masterId}`}>{t('detail.master')}</Link>}
              />
            )}
          </Card>
          <SafetyNetPanel c={c} />
          <ConsultationPanel c={c} />
          {c.reply && (!decided || c.followUp.satisfaction) && (
            <Card
              title={decided ? t('detail.followUp') : t('detail.reply')}
              extra={decided ? null : <Tag>{t(`outcome.${c.reply.outcome}` as MessageKey)}</Tag>}
            >
              {!decided && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{c.reply.text}</Typography.Paragraph>}
              {!decided && c.reply.policyBasis && (
                <Typography.Paragraph type="secondary">
                  {t('act.policyBasis')}：{c.reply.policyBasis}
                </Typography.Paragraph>
              )}
              {c.followUp.satisfaction && (
                <Typography.Text>
                  {t('detail.followUp')}：{c.followUp.solved ? t('yes') : t('no')} ·{' '}
                  {t(`satisfaction.${c.followUp.satisfaction}` as MessageKey)}
                </Typography.Text>
              )}
            </Card>
          )}
          <Card title={t('detail.timeline')}>
            <CaseTimeline events={c.timeline} />
          </Card>
        </Space>
      </Col>
      <Col xs={{ span: 24, order: 1 }} xl={{ span: 8, order: 2 }}>
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card title={t('detail.actions')}>
            {c.allowedActions.length === 0 ? (
              <Typography.Text type="secondary">{t('detail.noActions')}</Typography.Text>
            ) : (
              <ActionBar c={c} />
            )}
          </Card>
          <CitationsPanel citations={c.citations ?? []} showEmpty={!!c.safetyNet} />
          {c.call && (
            <Card title={t('hotline.call')} data-testid="case-call">
              <Typography.Text>
                {t('hotline.callId')}：{c.call.callId}
              </Typography.Text>
              {c.call.recordingUrl && (
                <div>
                  <a href={c.call.recordingUrl} target="_blank" rel="noreferrer noopener">
                    {t('hotline.recording')}
                  </a>
                </div>
              )}
            </Card>
          )}
          {c.lat !== null && c.lng !== null && (
            <Card title={t('detail.map')} styles={{ body: { padding: 0 } }}>
              <MapView lat={c.lat} lng={c.lng} />
            </Card>
          )}
          <Card title={t('detail.attachments')}>
            {c.attachments.length === 0 ? (
              <Typography.Text type="secondary">{t('detail.noAttachments')}</Typography.Text>
            ) : (
              <Space orientation="vertical">
                {c.attachments.map((a) => (
                  <Space key={a.id}>
                    <a href={downloadUrl(`/api/v1/attachments/${a.id}`)}>{a.fileName}</a>
                    <Typography.Text type="secondary">{Math.ceil(a.sizeBytes / 1024)} KB</Typography.Text>
                  </Space>
                ))}
              </Space>
            )}
          </Card>
          {c.mergedCases.length > 0 && (
            <Card title={t('detail.mergedCases')}>
              <Space orientation="vertical">
                {c.mergedCases.map((m) => (
                  <Link key={m.id} to={`/admin/cases/${m.id}`}>
                    {m.trackingNo}
                  </Link>
                ))}
              </Space>
            </Card>
          )}
        </Space>
      </Col>
    </Row>
  );
}
