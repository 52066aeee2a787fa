import { publicRateSchema, satisfactionLevels, type Satisfaction } from '@huiyin/core';
import { Alert, Button, Form, Input, Radio } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import type { Tracked } from './citizen-api.ts';
import { apiFields, fieldErrors, zodRule } from './zodRule.ts';
import { useApiMutation } from '../../api/query.ts';

interface RateValues {
  solved: boolean;
  satisfaction: Satisfaction;
  comment?: string;
}

const shape = publicRateSchema.shape;

/** The citizen rates the answer: solved or not, one of the 5 satisfaction levels, a comment (to the tracking page's or a follow-up link's endpoint). */
export function RatingForm({ url, extra, onRated }: { url: string; extra?: Record<string, unknown>; onRated: (v: Tracked) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<RateValues>();
  // The page shows the case as the rating's answer returns it: nothing to load again.
  const send = useApiMutation((body: Record<string, unknown>) => api<Tracked>(url, { method: 'POST', body }));
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function rate(v: RateValues) {
    setSending(true);
    setFailure(null);
    try {
      const comment = v.comment?.trim();
      const body = { ...extra, solved: v.solved, satisfaction: v.satisfaction, ...(comment ? { comment } : {}) };
      onRated(await send.mutateAsync(body));
    } catch (e) {
      const fields = apiFields(e);
      if (fields.length > 0) form.setFields(fieldErrors(fields, ['solved', 'satisfaction', 'comment']));
      setFailure(e instanceof Error ? e.message : t('loadFailed'));
    } finally {
      setSending(false);
    }
  }

  return (
    <Form<RateValues> form={form} layout="vertical" onFinish={(v) => void rate(v)}>
      <Form.Item name="solved" label={t('rateSolved')} required rules={[zodRule(shape.solved, { required: t('pickOne') })]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: true, label: t('rateSolvedYes') },
            { value: false, label: t('rateSolvedNo') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="satisfaction"
        label={t('rateSatisfaction')}
        required
        rules={[zodRule(shape.satisfaction, { required: t('pickOne') })]}
      >
        <Radio.Group
          style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}
          optionType="button"
          buttonStyle="solid"
          options={satisfactionLevels.map((s) => ({ value: s, label: t(`satisfaction.${s}` as MessageKey) }))}
        />
      </Form.Item>
      <Form.Item name="comment" label={t('rateComment')} rules={[zodRule(shape.comment)]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} showCount maxLength={1000} placeholder={t('rateCommentPlaceholder')} />
      </Form.Item>
      {failure && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={t('rateFailed')} description={failure} />}
      <Button type="primary" htmlType="submit" block size="large" loading={sending}>
        {t('rateSubmit')}
      </Button>
    </Form>
  );
}
