import { refusalReasons, type PolicyView } from '@huiyin/core';
import { Alert, Form, Input, Radio, Select } from 'antd';
import { api } from '../../api/client.ts';
import { PolicyPicker } from '../../components/PolicyPicker.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';

export type Outcome = 'register' | 'answer' | 'refuse';

/** What the registration request carries for the chosen outcome (即时办结 or 不予受理), from the form's values. */
export function outcomeBody(v: Record<string, unknown>): Record<string, unknown> {
  const trim = (x: unknown) => (typeof x === 'string' && x.trim() !== '' ? x.trim() : undefined);
  if (v['outcome'] === 'answer') {
    const basis = trim(v['policyBasis']);
    return { answerNow: { text: trim(v['answerText']) ?? '', ...(basis ? { policyBasis: basis } : {}) } };
  }
  if (v['outcome'] === 'refuse') {
    const linked = v['refuseLinked'] as number | undefined;
    return {
      refuse: {
        reasonCode: v['refuseReason'],
        text: trim(v['refuseText']) ?? '',
        ...(v['refuseReason'] === 'repeat_of_open' && linked !== undefined ? { linkedCaseId: linked } : {}),
      },
    };
  }
  return {};
}

/**
 * The end of the registration form: register for dispatch, answer on the spot (即时办结) from the
 * policy library — picking an article quotes it as the answer and its basis — or refuse (不予受理)
 * with a reason of the list, a repeat linked to one of the caller's open cases.
 */
export function RegisterOutcome({ openCases }: { openCases: { id: number; trackingNo: string; title: string }[] }) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const outcome = Form.useWatch('outcome', form) as Outcome | undefined;
  const reason = Form.useWatch('refuseReason', form) as string | undefined;

  async function quote(id: number | undefined) {
    if (id === undefined) return;
    const p = await api<PolicyView>(`/api/v1/policies/${id}`);
    const basis = `《${p.title}》${p.articleNo}`.trim();
    const current = (form.getFieldValue('answerText') as string | undefined)?.trim() ?? '';
    const quoted = `根据${basis}：${p.body}`;
    form.setFieldsValue({ policyBasis: basis, answerText: current === '' ? quoted : `${current}\n${quoted}` });
  }

  return (
    <>
      <Form.Item name="outcome" label={t('hotline.outcome')}>
        <Radio.Group
          optionType="button"
          options={(['register', 'answer', 'refuse'] as const).map((o) => ({ value: o, label: t(`hotline.outcome.${o}`) }))}
        />
      </Form.Item>
      {outcome === 'answer' && (
        <div data-testid="answer-now">
          <Alert type="info" showIcon title={t('hotline.answerHint')} style={{ marginBottom: 12 }} />
          <Form.Item label={t('hotline.policy')} name="answerPolicyId">
            <PolicyPicker mode="single" aria-label={t('hotline.policy')} onChange={(id) => void quote(id)} />
          </Form.Item>
          <Form.Item
            name="answerText"
            label={t('hotline.answer')}
            rules={[{ required: true, whitespace: true, message: t('hotline.answerRequired') }]}
          >
            <Input.TextArea rows={4} showCount maxLength={10000} />
          </Form.Item>
          <Form.Item name="policyBasis" label={t('hotline.policyBasis')}>
            <Input maxLength={2000} />
          </Form.Item>
        </div>
      )}
      {outcome === 'refuse' && (
        <div data-testid="refuse-now">
          <Alert type="warning" showIcon title={t('hotline.refuseHint')} style={{ marginBottom: 12 }} />
          <Form.Item name="refuseReason" label={t('refusal.reason')} rules={[{ required: true, message: t('refusal.reason') }]}>
            <Select
              style={{ width: 320 }}
              aria-label={t('refusal.reason')}
              options={refusalReasons.map((r) => ({ value: r, label: t(`refusal.reason.${r}` as MessageKey) }))}
            />
          </Form.Item>
          {reason === 'repeat_of_open' && (
            <Form.Item
              name="refuseLinked"
              label={t('refusal.linkedCase')}
              rules={[{ required: true, message: t('refusal.linkedRequired') }]}
            >
              <Select
                style={{ width: 480 }}
                aria-label={t('refusal.linkedCase')}
                options={openCases.map((c) => ({ value: c.id, label: `${c.trackingNo} ${c.title}` }))}
              />
            </Form.Item>
          )}
          <Form.Item
            name="refuseText"
            label={t('refusal.text')}
            rules={[{ required: true, whitespace: true, min: 2, message: t('refusal.text') }]}
          >
            <Input.TextArea rows={3} showCount maxLength={500} />
          </Form.Item>
        </div>
      )}
    </>
  );
}
