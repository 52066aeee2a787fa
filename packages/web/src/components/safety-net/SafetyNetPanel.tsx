import { FilePdfOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Divider, Empty, Flex, Space, Tag, Typography } from 'antd';
import type { CaseDetail, Consultation, SafetyNetInfo } from '../../api/types.ts';
import { formatTime, useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { formatMinutes } from './format.ts';

const kindColour: Record<SafetyNetInfo['kind'], string> = { simple: 'green', general: 'blue', complex: 'purple', cannotBeDone: 'orange' };
const causeColour: Record<string, string | undefined> = { policy_barrier: 'orange', coordination_needed: 'blue', staff_conduct: 'red' };

export function ConsultationView({ k, index, total }: { k: Consultation; index: number; total: number }) {
  const { t, lang } = useI18n();
  return (
    <div data-testid="consultation" style={{ marginBottom: 8 }}>
      <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
        {total > 1 && <Typography.Text strong>{t('sn.consultationN', { n: index + 1 })}</Typography.Text>}
        <Tag color={k.open ? 'processing' : 'default'}>{k.open ? t('sn.consultationOpen') : t('sn.consultationClosed')}</Tag>
        <Typography.Text type="secondary">{formatTime(k.convenedAt, lang)}</Typography.Text>
      </Flex>
      <Descriptions
        column={1}
        size="small"
        bordered
        styles={{ label: { width: 120 } }}
        items={[
          { key: 'agenda', label: t('sn.agenda'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{k.agenda}</span> },
          {
            key: 'invited',
            label: t('sn.invited'),
            children: (
              <Flex gap={4} wrap>
                {k.invited.map((u) => (
                  <Tag key={u.id}>{u.name}</Tag>
                ))}
              </Flex>
            ),
          },
          {
            key: 'opinions',
            label: t('sn.opinions'),
            children:
              k.opinions.length === 0 ? (
                <Typography.Text type="secondary">{t('sn.noOpinions')}</Typography.Text>
              ) : (
                <Flex vertical gap={6}>
                  {k.opinions.map((o) => (
                    <div key={o.unit.id} data-testid="opinion">
                      <Typography.Text strong>{o.unit.name}</Typography.Text>
                      <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                        {formatTime(o.at, lang)}
                      </Typography.Text>
                      <div style={{ whiteSpace: 'pre-wrap' }}>{o.opinion}</div>
                    </div>
                  ))}
                </Flex>
              ),
          },
          ...(k.pending.length > 0
            ? [
                {
                  key: 'pending',
                  label: t('sn.pending'),
                  children: (
                    <Flex gap={4} wrap data-testid="pending-units">
                      {k.pending.map((u) => (
                        <Tag key={u.id} color="orange">
                          {u.name}
                        </Tag>
                      ))}
                    </Flex>
                  ),
                },
              ]
            : []),
          ...(k.minutes
            ? [
                {
                  key: 'minutes',
                  label: t('sn.minutes'),
                  children: (
                    <div data-testid="minutes">
                      <div>
                        {t('act.leadUnit')}：{k.minutes.leadUnit?.name ?? '—'}
                        {k.minutes.assistUnits.length > 0 && (
                          <>
                            {'；'}
                            {t('act.assistUnits')}：{k.minutes.assistUnits.map((u) => u.name).join('、')}
                          </>
                        )}
                      </div>
                      {k.minutes.decision && <div style={{ whiteSpace: 'pre-wrap' }}>{k.minutes.decision}</div>}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatTime(k.minutes.at, lang)}
                      </Typography.Text>
                    </div>
                  ),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}

/**
 * 办不成事: what failed where, the consultations (who has not answered yet), the decision with
 * its root cause and the time it took, the rectification notices, and the written answer.
 */
export function SafetyNetPanel({ c }: { c: CaseDetail }) {
  const { t, lang } = useI18n();
  const sn = c.safetyNet;
  if (!sn) return null;
  const fm = sn.failedMatter;
  const d = sn.decision;
  return (
    <Card
      title={
        <Space>
          {t('sn.panel')}
          <Tag color={kindColour[sn.kind]}>{t(`sn.kind.${sn.kind}` as MessageKey)}</Tag>
        </Space>
      }
      extra={
        sn.answerPdf ? (
          <Button type="primary" icon={<FilePdfOutlined />} href={sn.answerPdf} target="_blank" data-testid="answer-pdf">
            {t('sn.answerPdf')}
          </Button>
        ) : null
      }
      data-testid="safety-net-panel"
    >
      <Descriptions
        column={{ xs: 1, sm: 2 }}
        size="small"
        bordered
        styles={{ label: { width: 120 } }}
        items={[
          { key: 'name', label: t('sn.matterName'), children: <Typography.Text strong>{fm.name}</Typography.Text> },
          { key: 'unit', label: t('sn.originUnit'), children: fm.unit?.name ?? '—' },
          { key: 'window', label: t('sn.window'), children: fm.window ?? '—' },
          { key: 'failedAt', label: t('sn.failedAt'), children: formatTime(fm.failedAt, lang) },
          { key: 'visits', label: t('sn.visits'), children: fm.visits ? t('sn.visitsN', { n: fm.visits }) : '—' },
          { key: 'kind', label: t('sn.kind'), children: t(`sn.kind.${sn.kind}` as MessageKey) },
          {
            key: 'said',
            label: t('sn.whatWasSaid'),
            span: 'filled',
            children: <span style={{ whiteSpace: 'pre-wrap' }}>{fm.whatWasSaid ?? '—'}</span>,
          },
        ]}
      />

      <Divider titlePlacement="start">{t('sn.consultations')}</Divider>
      {sn.consultations.length === 0 ? (
        <Typography.Text type="secondary">{t('sn.noConsultation')}</Typography.Text>
      ) : (
        sn.consultations.map((k, i) => <ConsultationView key={k.id} k={k} index={i} total={sn.consultations.length} />)
      )}

      <Divider titlePlacement="start">{t('sn.decision')}</Divider>
      {!d ? (
        <Typography.Text type="secondary">{t('sn.noDecision')}</Typography.Text>
      ) : (
        <div data-testid="decision">
          <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
            <Tag color={d.outcome === 'done' ? 'green' : 'orange'} style={{ fontSize: 14, padding: '2px 8px' }}>
              {t(`sn.outcome.${d.outcome}` as MessageKey)}
            </Tag>
            {d.rootCause.kind && (
              <Tag color={causeColour[d.rootCause.kind] ?? 'default'}>{t(`sn.cause.${d.rootCause.kind}` as MessageKey)}</Tag>
            )}
            {d.rootCause.conduct && <Tag color="red">{t(`sn.conduct.${d.rootCause.conduct}` as MessageKey)}</Tag>}
            {d.minutesToDecision !== null && (
              <Typography.Text data-testid="time-to-decision">
                {t('sn.timeTaken', { span: formatMinutes(d.minutesToDecision, t) })}
              </Typography.Text>
            )}
          </Flex>
          <Descriptions
            column={1}
            size="small"
            bordered
            styles={{ label: { width: 120 } }}
            items={[
              {
                key: 'text',
                label: t(d.outcome === 'done' ? 'sn.answerDone' : 'sn.answerCannot'),
                children: <span style={{ whiteSpace: 'pre-wrap' }}>{d.text ?? '—'}</span>,
              },
              ...(d.doneBy ? [{ key: 'doneBy', label: t('sn.doneBy'), children: d.doneBy }] : []),
              ...(d.alternatives
                ? [{ key: 'alt', label: t('sn.alternatives'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{d.alternatives}</span> }]
                : []),
              {
                key: 'finding',
                label: t('sn.finding'),
                children: <span style={{ whiteSpace: 'pre-wrap' }}>{d.rootCause.finding ?? '—'}</span>,
              },
              { key: 'decidedAt', label: t('sn.decidedAt'), children: formatTime(d.decidedAt, lang) },
              ...(d.letterNo ? [{ key: 'letterNo', label: t('sn.letterNo'), children: d.letterNo }] : []),
            ]}
          />
          {c.status === 'reply_review' && <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('sn.underReview')} />}
        </div>
      )}

      {sn.rectifications.length > 0 && (
        <>
          <Divider titlePlacement="start">{t('sn.rectifications')}</Divider>
          <Flex vertical gap={8}>
            {sn.rectifications.map((r) => (
              <div key={r.id} data-testid="rectification">
                <Alert
                  type={r.status === 'answered' ? 'success' : 'warning'}
                  showIcon
                  title={
                    <Space wrap>
                      <Typography.Text strong>{t('sn.rectificationTo', { unit: r.unit?.name ?? '—' })}</Typography.Text>
                      <Tag color={r.status === 'answered' ? 'green' : 'orange'}>{t(`sn.rect.${r.status}` as MessageKey)}</Tag>
                    </Space>
                  }
                  description={
                    <>
                      <div style={{ whiteSpace: 'pre-wrap' }}>{r.finding}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('sn.issuedAt')} {formatTime(r.issuedAt, lang)} · {t('sn.dueAt')} {formatTime(r.dueAt, lang)}
                      </Typography.Text>
                      {r.response && (
                        <div style={{ marginTop: 4 }}>
                          {t('sn.rectResponse')}：<span style={{ whiteSpace: 'pre-wrap' }}>{r.response}</span>
                        </div>
                      )}
                    </>
                  }
                />
              </div>
            ))}
          </Flex>
        </>
      )}
      {sn.consultations.length === 0 && !d && sn.rectifications.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sn.startHint')} style={{ margin: '8px 0 0' }} />
      )}
    </Card>
  );
}
