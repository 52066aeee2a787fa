import { rectificationAnswerSchema } from '@huiyin/core';
import { LedgerTable, trackingNoColumn } from '../../../components/LedgerTable.tsx';
import { Alert, App, Button, Card, Form, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { useSession } from '../../../api/session.tsx';
import type { Rectification } from '../../../api/types.ts';
import { checkWith, zodRule } from '../../../components/admin/forms.ts';
import { formatTime, useI18n } from '../../../i18n/i18n.tsx';
import type { MessageKey } from '../../../i18n/messages.ts';
import { AppealDialog, DecideAppealDialog } from './RatingAppealDialogs.tsx';
import { rectificationKeys } from './rectification-keys.ts';
import { useApiQuery, useApiMutation } from '../../../api/query.ts';
import { FormDialog, passed } from '../../../components/FormDialog.tsx';

/** A notice of the list (GET /api/v1/safety-net/rectifications), with its case. */
type Notice = Rectification;

function AnswerDialog({ notice, onCancel, onDone }: { notice: Notice; onCancel: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const answer = useApiMutation(
    (body: unknown) => api(`/api/v1/safety-net/rectifications/${notice.id}/answer`, { method: 'POST', body }),
    rectificationKeys,
  );
  async function save(v: { response?: string }) {
    const body = passed(checkWith(form, rectificationAnswerSchema, { response: v.response?.trim() }));
    await answer.mutateAsync(body);
    onDone();
  }
  return (
    <FormDialog
      form={form}
      title={t('rect.answer')}
      okText={t('submit')}
      width={600}
      fields={['response']}
      intro={
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('rect.finding')}
          description={<span style={{ whiteSpace: 'pre-wrap' }}>{notice.finding}</span>}
        />
      }
      onSubmit={save}
      onCancel={onCancel}
    >
      <Form.Item
        name="response"
        label={t('rect.response')}
        rules={[zodRule(rectificationAnswerSchema.shape.response, { required: t('admin.required') })]}
      >
        <Input.TextArea rows={5} showCount maxLength={4000} placeholder={t('rect.responseHint')} />
      </Form.Item>
    </FormDialog>
  );
}

/**
 * 整改通知: notices to the units where staff conduct made a matter fail, and bad ratings (不满意) to
 * rectify within 15 working days. A unit sees its own: its head or handler answers with what was
 * rectified, or appeals a malicious rating (申诉复核) once; a supervisor decides the appeal.
 */
export function RectificationsPage() {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const { message } = App.useApp();
  const list = useApiQuery<{ items: Notice[] }>(['safety-net', 'rectifications'], '/api/v1/safety-net/rectifications');
  const [answering, setAnswering] = useState<Notice | null>(null);
  const [appealing, setAppealing] = useState<Notice | null>(null);
  const [deciding, setDeciding] = useState<Notice | null>(null);
  const ofMyUnit = (n: Notice) =>
    n.unit !== null &&
    (me?.roles.some((r) => r === 'unit_head' || r === 'handler') ?? false) &&
    (me?.units.some((u) => u.id === n.unit!.id) ?? false);
  const canAppeal = (n: Notice) => n.kind === 'bad_rating' && n.status === 'issued' && !n.appeal && ofMyUnit(n);
  const canDecide = (n: Notice) => n.status === 'appealed' && (me?.roles.includes('supervisor') ?? false);
  const done = (text: string) => {
    message.success(text);
    setAppealing(null);
    setDeciding(null);
  };
  const canAnswer = (n: Notice) =>
    n.status === 'issued' &&
    n.unit !== null &&
    (me?.roles.some((r) => r === 'unit_head' || r === 'handler') ?? false) &&
    (me?.units.some((u) => u.id === n.unit!.id) ?? false);
  const now = Date.now();
  return (
    <Card title={t('rect.title')}>
      <LedgerTable<Notice>
        list={list}
        hint={t('rect.hint')}
        x={1000}
        columns={[
          trackingNoColumn(t('trackingNo'), 170, (n) => n.caseId),
          {
            title: t('rect.kind'),
            dataIndex: 'kind',
            width: 100,
            render: (k?: string) => (
              <Tag color={k === 'bad_rating' ? 'volcano' : 'blue'}>{t(`rect.kind.${k ?? 'safety_net'}` as MessageKey)}</Tag>
            ),
          },
          { title: t('rect.unit'), dataIndex: ['unit', 'name'], width: 190, render: (v?: string) => v ?? '—' },
          { title: t('rect.finding'), dataIndex: 'finding', render: (v: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> },
          { title: t('sn.issuedAt'), dataIndex: 'issuedAt', width: 160, render: (v: string) => formatTime(v, lang) },
          {
            title: t('sn.dueAt'),
            dataIndex: 'dueAt',
            width: 160,
            render: (v: string, n) =>
              n.status === 'issued' && new Date(v).getTime() < now ? (
                <Typography.Text type="danger">{formatTime(v, lang)}</Typography.Text>
              ) : (
                formatTime(v, lang)
              ),
          },
          {
            title: t('status'),
            dataIndex: 'status',
            width: 120,
            render: (s: string, n) => (
              <>
                <Tag color={s === 'answered' ? 'green' : s === 'voided' ? 'default' : s === 'appealed' ? 'purple' : 'orange'}>
                  {t(`sn.rect.${s}` as MessageKey)}
                </Tag>
                {n.appeal?.reason && (
                  <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 0' }}>
                    {t('rect.appealReason', { reason: n.appeal.reason })}
                  </Typography.Paragraph>
                )}
                {canAppeal(n) && (
                  <Button size="small" onClick={() => setAppealing(n)} data-testid={`appeal-rect-${n.id}`} style={{ marginTop: 4 }}>
                    {t('rect.appeal')}
                  </Button>
                )}
                {canDecide(n) && (
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => setDeciding(n)}
                    data-testid={`decide-rect-${n.id}`}
                    style={{ marginTop: 4 }}
                  >
                    {t('rect.decide')}
                  </Button>
                )}
              </>
            ),
          },
          {
            title: t('rect.response'),
            dataIndex: 'response',
            width: 240,
            render: (v: string | null, n) =>
              v ? (
                <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span>
              ) : canAnswer(n) ? (
                <Button size="small" type="primary" onClick={() => setAnswering(n)} data-testid={`answer-rect-${n.id}`}>
                  {t('rect.answer')}
                </Button>
              ) : (
                '—'
              ),
          },
        ]}
      />
      {appealing && (
        <AppealDialog
          id={appealing.id}
          finding={appealing.finding}
          onCancel={() => setAppealing(null)}
          onDone={() => done(t('rect.appeal.sent'))}
        />
      )}
      {deciding && (
        <DecideAppealDialog
          id={deciding.id}
          reason={deciding.appeal?.reason ?? null}
          onCancel={() => setDeciding(null)}
          onDone={() => done(t('rect.decide.done'))}
        />
      )}
      {answering && (
        <AnswerDialog
          notice={answering}
          onCancel={() => setAnswering(null)}
          onDone={() => {
            message.success(t('rect.answered'));
            setAnswering(null);
          }}
        />
      )}
    </Card>
  );
}
