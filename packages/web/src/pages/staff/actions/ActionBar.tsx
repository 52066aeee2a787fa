import { consultationProposedAfterReturns, type CaseAction } from '@huiyin/core';
import { Alert, App, Button, Form, Modal, Space } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../../api/client.ts';
import { useApiMutation, useApiQuery } from '../../../api/query.ts';
import { caseKeys, useUnits } from '../../../api/resources.ts';
import type { CaseDetail } from '../../../api/types.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { MessageKey } from '../../../i18n/messages.ts';
import { checkBody, withoutEmpty } from './action-schema.ts';
import { ActionForm, type DispatchHelp } from './ActionForm.tsx';

const noHelp: DispatchHelp = { suggestedUnits: [], suggestedAssistUnits: [], suggestedTimeLimitDays: null, similar: [] };

/** Actions that need no form: a click and a confirmation. */
const oneClick: readonly CaseAction[] = ['sign'];
const primary: readonly CaseAction[] = [
  'dispatch',
  'sign',
  'reply',
  'reviewReply',
  'followUp',
  'decideReturn',
  'decideExtension',
  'decide',
  'recordOpinion',
  'recordMinutes',
];
/** Actions whose dialog picks units. */
const needUnits: readonly CaseAction[] = ['dispatch', 'merge', 'convene', 'recordMinutes', 'decide'];
/** Wider dialogs: the merge table, the decision with its root cause. */
const wide: readonly CaseAction[] = ['merge', 'decide', 'cite'];

/** Cross-field problems of the safety-net actions, in the user's words (core's messages are for developers). */
const problemText: Record<string, MessageKey> = {
  citations: 'sn.err.citations',
  'rootCause.conduct': 'sn.err.conduct',
  'rootCause.staffName': 'sn.err.staffName',
  'rootCause.finding': 'sn.err.finding',
  'rootCause.refer': 'sn.err.refer',
  unitIds: 'sn.err.unitIds',
};

/**
 * The buttons for exactly the actions core allows this user on this case (the server sends
 * `allowedActions`), each opening its dialog. A stale version reloads the case and says so; a done
 * action loads again the case, the case lists and the queue counts.
 */
export function ActionBar({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const [open, setOpen] = useState<CaseAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const units = useUnits(open !== null && needUnits.includes(open));
  const helpQuery = useApiQuery<DispatchHelp>(['dispatch-help', c.id], `/api/v1/cases/${c.id}/dispatch-help`, {
    enabled: open === 'dispatch' || open === 'merge' || open === 'refuse',
  });
  // The help of this opening (not one cached from before); none when it cannot load.
  const help: DispatchHelp | null = helpQuery.isFetching ? null : (helpQuery.data ?? (helpQuery.isError ? noHelp : null));
  // The answer is the case as the user may now see it (after a return, say, perhaps no longer at all).
  const act = useApiMutation(
    (body: unknown) => api<CaseDetail>(`/api/v1/cases/${c.id}/actions`, { method: 'POST', body }),
    caseKeys(c.id),
    () => ['case', c.id],
  );

  useEffect(() => {
    if (open === 'dispatch' && help?.suggestedUnits[0] && form.getFieldValue('leadUnitId') === undefined) {
      form.setFieldValue('leadUnitId', help.suggestedUnits[0].id);
      // The catalog rule's assisting units come with its lead unit.
      if (help.suggestedAssistUnits.length > 0 && form.getFieldValue('assistUnitIds') === undefined)
        form.setFieldValue(
          'assistUnitIds',
          help.suggestedAssistUnits.map((u) => u.id),
        );
    }
  }, [open, help, form]);

  async function send(action: CaseAction, fields: Record<string, unknown>) {
    const body = { action, version: c.version, ...withoutEmpty(fields) };
    const problems = checkBody(body);
    if (problems.length > 0) {
      const text = (path: (string | number)[], fallback: string) => {
        const key = problemText[path.join('.')];
        return key ? t(key) : fallback;
      };
      form.setFields(problems.map((p) => ({ name: p.path, errors: [text(p.path, p.message)] })));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await act.mutateAsync(body);
      message.success(t('act.done', { action: t(`action.${action}` as MessageKey) }));
      setOpen(null);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'version_conflict') {
        message.warning(e.message);
        setOpen(null);
        void qc.invalidateQueries({ queryKey: ['case', c.id] });
      } else if (e instanceof ApiError && e.code === 'validation_failed' && e.fields.length > 0) {
        form.setFields(
          e.fields.map((f) => ({ name: f.path.split('.').map((x) => (/^\d+$/.test(x) ? Number(x) : x)), errors: [f.message] })),
        );
      } else {
        setError((e as Error).message);
      }
    } finally {
      setBusy(false);
    }
  }

  function start(action: CaseAction) {
    setError(null);
    if (oneClick.includes(action)) {
      modal.confirm({
        title: t(`action.${action}` as MessageKey),
        content: t('act.confirmSign'),
        okText: t('confirm'),
        cancelText: t('cancel'),
        onOk: () => send(action, {}),
      });
      return;
    }
    setOpen(action);
  }

  if (c.allowedActions.length === 0) return null;
  // 派单异议: a case returned twice is better settled by a consultation of the units concerned.
  const proposeConsultation =
    !c.safetyNet && c.status === 'returned' && c.returnCount >= consultationProposedAfterReturns && c.allowedActions.includes('convene');
  return (
    <>
      {proposeConsultation && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="propose-consultation"
          title={t('consult.propose', { n: c.returnCount })}
        />
      )}
      <Space wrap>
        {(c.allowedActions as CaseAction[]).map((a) => (
          <Button
            key={a}
            type={primary.includes(a) ? 'primary' : 'default'}
            danger={a === 'return' || a === 'refuse'}
            onClick={() => start(a)}
            data-action={a}
          >
            {t(`action.${a}` as MessageKey)}
          </Button>
        ))}
      </Space>
      <Modal
        open={open !== null}
        title={open ? t(`action.${open}` as MessageKey) : ''}
        width={open === 'merge' ? 860 : open && wide.includes(open) ? 720 : 560}
        okText={t('submit')}
        cancelText={t('cancel')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setOpen(null)}
        destroyOnHidden
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        {open && (
          <Form form={form} layout="vertical" onFinish={(v: Record<string, unknown>) => void send(open, v)} preserve={false}>
            <ActionForm action={open} c={c} units={units} help={help} />
          </Form>
        )}
      </Modal>
    </>
  );
}
