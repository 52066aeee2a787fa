import { isRefusalReason, refusalReasons, refusalTextMax, terminalStatuses, type CaseStatus, type DispatchHelp } from '@huiyin/core';
import { Alert, Form, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import type { CaseDetail } from '../../../api/types.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { MessageKey } from '../../../i18n/messages.ts';
import { fieldRule, isRequired } from './action-schema.ts';

/**
 * 不予受理: a reason from core's fixed list, the text the requester reads, and for a repeat the
 * open case it repeats (typed, or picked from the similar open cases). Rules come from core's schema.
 */
export function RefusalActionForm({ help }: { help: DispatchHelp | null }) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const rule = (field: string) => fieldRule('refuse', field, t('act.fieldRequired'));
  const open = (help?.similar ?? []).filter((s) => !terminalStatuses.includes(s.status as CaseStatus));
  return (
    <>
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('refusal.needsReview')} />
      <Form.Item name="reasonCode" label={t('refusal.reason')} required={isRequired('refuse', 'reasonCode')} rules={[rule('reasonCode')]}>
        <Select options={refusalReasons.map((r) => ({ value: r, label: t(`refusal.reason.${r}` as MessageKey) }))} />
      </Form.Item>
      <Form.Item name="text" label={t('refusal.text')} required={isRequired('refuse', 'text')} rules={[rule('text')]}>
        <Input.TextArea rows={4} showCount maxLength={refusalTextMax} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.reasonCode !== b.reasonCode}>
        {({ getFieldValue }) =>
          getFieldValue('reasonCode') === 'repeat_of_open' ? (
            <>
              <Form.Item
                name="linkedCaseId"
                label={t('refusal.linkedCase')}
                required
                rules={[{ required: true, message: t('refusal.linkedRequired') }, rule('linkedCaseId')]}
              >
                <InputNumber min={1} style={{ width: 200 }} />
              </Form.Item>
              {open.length > 0 && (
                <Space direction="vertical" size={4} style={{ marginBottom: 16 }}>
                  <Typography.Text type="secondary">{t('refusal.similarOpen')}</Typography.Text>
                  <Space wrap>
                    {open.map((s) => (
                      <Tag key={s.id} style={{ cursor: 'pointer' }} onClick={() => form.setFieldValue('linkedCaseId', s.id)}>
                        {s.trackingNo} {s.title}（{t(`status.${s.status}` as MessageKey)}）
                      </Tag>
                    ))}
                  </Space>
                </Space>
              )}
            </>
          ) : null
        }
      </Form.Item>
    </>
  );
}

/** The refusal waiting for review (the event that put the case into review), if that is what waits. */
function pendingRefusalOf(c: CaseDetail): { reasonCode: string; text: string; linkedTrackingNo: string | null } | null {
  if (c.status !== 'reply_review') return null;
  const entered = [...c.timeline].reverse().find((e) => e.toStatus === 'reply_review' && e.fromStatus !== 'reply_review');
  if (!entered || entered.action !== 'refuse') return null;
  const p = entered.payload;
  return {
    reasonCode: typeof p['reasonCode'] === 'string' ? p['reasonCode'] : 'other',
    text: typeof p['text'] === 'string' ? p['text'] : '',
    linkedTrackingNo: typeof p['linkedTrackingNo'] === 'string' ? p['linkedTrackingNo'] : null,
  };
}

/** In the review dialog: the refusal the supervisor approves or rejects (reason, text, the open case of a repeat). */
export function PendingRefusalNotice({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const r = pendingRefusalOf(c);
  if (!r) return null;
  return (
    <Alert
      type="warning"
      style={{ marginBottom: 16 }}
      title={`${t('action.refuse')}：${isRefusalReason(r.reasonCode) ? t(`refusal.reason.${r.reasonCode}` as MessageKey) : r.reasonCode}`}
      description={
        <>
          <div style={{ whiteSpace: 'pre-wrap' }} data-testid="pending-refusal">
            {r.text}
          </div>
          {r.linkedTrackingNo && (
            <div>
              {t('refusal.linkedCase')}：{r.linkedTrackingNo}
            </div>
          )}
        </>
      }
    />
  );
}
