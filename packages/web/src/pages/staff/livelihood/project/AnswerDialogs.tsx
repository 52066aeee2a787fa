import { recordAnswerSchema, sendAnswersSchema, type AnswersSent, type ProjectView } from '@huiyin/core';
import { Alert, Button, Form, Input, Modal, Radio, Result, Typography } from 'antd';
import type { QueryKey } from '@tanstack/react-query';
import { useState } from 'react';
import { applyApiError } from '../../../../components/admin/forms.ts';
import { useI18n } from '../../../../i18n/i18n.tsx';
import type { MessageKey } from '../../../../i18n/messages.ts';
import { UnansweredTable, type Unanswered } from '../components/UnansweredTable.tsx';
import { valid, validate } from '../lv-api.ts';
import { FormDialog } from '../../../../components/FormDialog.tsx';
import { api } from '../../../../api/client.ts';
import { useApiMutation } from '../../../../api/query.ts';

/**
 * 答复反映人: one answer sent to every unanswered originator the outbox can reach (a phone by SMS,
 * a case to its requester); then who is still waiting, to be answered in person.
 */
export function SendAnswersDialog({
  base,
  changes,
  pending,
  known,
  onClose,
  onSent,
}: {
  /** `/projects/7/answers` or `/matters/12/answer`. */
  /** The address the answers go to (`/api/v1/projects/1/answers`, …). */
  base: string;
  /** The queries the answer changes. */
  changes: readonly QueryKey[];
  /** How many are still unanswered (for the hint). */
  pending: number;
  /** What the page knows of them already (the matter of each). */
  known: readonly Unanswered[];
  onClose: () => void;
  onSent: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const sendAll = useApiMutation((body: unknown) => api<AnswersSent>(base, { method: 'POST', body }), changes);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<AnswersSent | null>(null);
  const titles = new Map(known.map((o) => [o.id, o]));

  async function send(v: Record<string, unknown>) {
    setError(null);
    const checked = validate(form, sendAnswersSchema, v, ['text']);
    if (!('data' in checked)) return setError(checked.error);
    setBusy(true);
    try {
      const r = await sendAll.mutateAsync(checked.data);
      // The answer names the originators; the matter comes from the project when it is missing.
      setResult({ sent: r.sent, unanswered: r.unanswered.map((o) => ({ ...titles.get(o.id), ...o }) as Unanswered) });
      onSent();
    } catch (e) {
      setError(applyApiError(form, e, t, ['text']));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={t('lv.answer.title')}
      width={760}
      onCancel={onClose}
      destroyOnHidden
      footer={
        result ? (
          <Button type="primary" onClick={onClose}>
            {t('lv.close')}
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>{t('cancel')}</Button>
            <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="answer-send">
              {t('lv.answer.send')}
            </Button>
          </>
        )
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {result ? (
        <div data-testid="answer-result">
          <Result
            status={result.unanswered.length === 0 ? 'success' : 'warning'}
            title={t('lv.answer.sent', { n: result.sent })}
            subTitle={result.unanswered.length > 0 ? t('lv.answer.remaining', { n: result.unanswered.length }) : undefined}
          />
          {result.unanswered.length > 0 && <UnansweredTable testId="answer-remaining" items={result.unanswered} />}
        </div>
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('lv.answer.hint', { n: pending })}</Typography.Paragraph>
          <Form form={form} layout="vertical" onFinish={(v: Record<string, unknown>) => void send(v)}>
            <Form.Item name="text" label={t('lv.answer.text')} rules={[{ required: true, whitespace: true, message: t('admin.required') }]}>
              <Input.TextArea rows={5} maxLength={2000} showCount />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}

const methods = ['visit', 'phone', 'letter'] as const;

/** 登记答复: an answer given in person, by phone or by letter, recorded for one originator. */
export function RecordAnswerDialog<T = ProjectView>({
  base,
  changes,
  answerKey,
  originator,
  onCancel,
  onDone,
}: {
  /** `/projects/7` or `/matters/12`: the originator's answer is recorded under it. */
  /** The address the answers go to (`/api/v1/projects/1/answers`, …). */
  base: string;
  /** The queries the answer changes. */
  changes: readonly QueryKey[];
  /** Where the answer (the project or matter as it now is) is shown. */
  answerKey?: QueryKey;
  originator: Unanswered;
  onCancel: () => void;
  onDone: (updated: T) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const record = useApiMutation(
    (body: unknown) => api<T>(`${base}/originators/${originator.id}/answer`, { method: 'POST', body }),
    changes,
    answerKey && (() => answerKey),
  );

  async function save(v: Record<string, unknown>) {
    const data = valid(form, recordAnswerSchema, v, ['method', 'note']);
    onDone(await record.mutateAsync(data));
  }

  return (
    <FormDialog
      form={form}
      title={`${t('lv.record.title')} · ${originator.name ?? ''}`}
      fields={['method', 'note']}
      initialValues={{ method: 'visit' }}
      intro={
        <Typography.Paragraph type="secondary">
          #{originator.matterId} {originator.matterTitle}
          {originator.address ? ` · ${originator.address}` : ''}
        </Typography.Paragraph>
      }
      onSubmit={save}
      onCancel={onCancel}
    >
      <Form.Item name="method" label={t('lv.record.method')}>
        <Radio.Group optionType="button" options={methods.map((m) => ({ value: m, label: t(`lv.answerMethod.${m}` as MessageKey) }))} />
      </Form.Item>
      <Form.Item name="note" label={t('lv.record.note')} rules={[{ required: true, whitespace: true, message: t('admin.required') }]}>
        <Input.TextArea rows={4} maxLength={1000} placeholder={t('lv.record.noteHint')} />
      </Form.Item>
    </FormDialog>
  );
}
