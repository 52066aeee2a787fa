import type { DispatchHelp } from '@huiyin/core';
import { replyOutcomes, satisfactionLevels, type CaseAction } from '@huiyin/core';
import { Alert, Form, Input, InputNumber, Radio, Select, Table, Tag, Typography } from 'antd';
import type { CaseDetail, Unit } from '../../../api/types.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { MessageKey } from '../../../i18n/messages.ts';
import { fieldRule, isRequired } from './action-schema.ts';
import { PendingRefusalNotice, RefusalActionForm } from './RefusalActionForm.tsx';
import { SafetyNetActionForm } from './SafetyNetActionForm.tsx';
import { ConveneOrdinaryForm } from './ConsultationActionForm.tsx';

export type { DispatchHelp };

/** The fields of one action's dialog. Rules come from core's schema for that action. */
export function ActionForm({ action, c, units, help }: { action: CaseAction; c: CaseDetail; units: Unit[]; help: DispatchHelp | null }) {
  const { t } = useI18n();
  const rule = (field: string) => fieldRule(action, field, t('act.fieldRequired'));
  const text = (name: string, label: MessageKey, rows = 4) => (
    <Form.Item name={name} label={t(label)} required={isRequired(action, name)} rules={[rule(name)]}>
      <Input.TextArea rows={rows} showCount maxLength={2000} />
    </Form.Item>
  );
  const approve = (
    <Form.Item name="approve" label={t('act.decision')} required rules={[{ required: true, message: t('act.chooseDecision') }]}>
      <Radio.Group>
        <Radio value={true}>{t('act.approve')}</Radio>
        <Radio value={false}>{t('act.reject')}</Radio>
      </Radio.Group>
    </Form.Item>
  );
  switch (action) {
    case 'convene':
      // 会商 of an ordinary case: a dispatch dispute (at least two units, a time to settle).
      if (!c.safetyNet) return <ConveneOrdinaryForm c={c} units={units} />;
      return <SafetyNetActionForm action={action} c={c} units={units} />;
    case 'recordOpinion':
    case 'recordMinutes':
    case 'decide':
    case 'cite':
      return <SafetyNetActionForm action={action} c={c} units={units} />;
    case 'dispatch': {
      const suggested = new Set(help?.suggestedUnits.map((u) => u.id) ?? []);
      const ordered = [...units.filter((u) => suggested.has(u.id)), ...units.filter((u) => !suggested.has(u.id) && u.kind !== 'centre')];
      const options = ordered.map((u) => ({ value: u.id, label: suggested.has(u.id) ? `${u.name}（${t('act.suggested')}）` : u.name }));
      return (
        <>
          {help && help.suggestedUnits.length > 0 && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('act.catalogSays', { units: help.suggestedUnits.map((u) => u.name).join('、') })}
            />
          )}
          <Form.Item name="leadUnitId" label={t('act.leadUnit')} required={isRequired(action, 'leadUnitId')} rules={[rule('leadUnitId')]}>
            <Select showSearch optionFilterProp="label" options={options} />
          </Form.Item>
          <Form.Item name="assistUnitIds" label={t('act.assistUnits')}>
            <Select mode="multiple" showSearch optionFilterProp="label" options={options} />
          </Form.Item>
          {text('note', 'act.note', 2)}
        </>
      );
    }
    case 'refuse':
      return <RefusalActionForm help={help} />;
    case 'sign':
      return text('note', 'act.note', 2);
    case 'return':
      return text('reason', 'act.returnReason');
    case 'decideReturn':
      return (
        <>
          <Typography.Paragraph>{t('act.returnedBy', { unit: c.leadUnit?.name ?? '' })}</Typography.Paragraph>
          {approve}
          {text('note', 'act.note', 2)}
        </>
      );
    case 'requestExtension':
      return (
        <>
          <Form.Item name="days" label={t('act.days')} required={isRequired(action, 'days')} rules={[rule('days')]}>
            <InputNumber min={1} max={60} />
          </Form.Item>
          {text('reason', 'act.extensionReason')}
        </>
      );
    case 'decideExtension':
      return (
        <>
          {c.pendingExtension && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('act.extensionAsked', { days: c.pendingExtension.days })}
              description={c.pendingExtension.reason}
            />
          )}
          {approve}
          {text('note', 'act.note', 2)}
        </>
      );
    case 'reply':
      return (
        <>
          <Form.Item name="outcome" label={t('act.outcome')} required={isRequired(action, 'outcome')} rules={[rule('outcome')]}>
            <Radio.Group optionType="button" options={replyOutcomes.map((o) => ({ value: o, label: t(`outcome.${o}` as MessageKey) }))} />
          </Form.Item>
          {text('text', 'act.replyText', 6)}
          <Form.Item noStyle shouldUpdate={(a, b) => a.outcome !== b.outcome}>
            {({ getFieldValue }) =>
              getFieldValue('outcome') === 'explained' ? (
                <>
                  <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('act.explainedNeedsReview')} />
                  <Form.Item
                    name="policyBasis"
                    label={t('act.policyBasis')}
                    required
                    rules={[{ required: true, message: t('act.policyRequired') }, rule('policyBasis')]}
                  >
                    <Input.TextArea rows={2} />
                  </Form.Item>
                </>
              ) : null
            }
          </Form.Item>
        </>
      );
    case 'reviewReply':
      return (
        <>
          <PendingRefusalNotice c={c} />
          {c.reply && (
            <Alert
              type="info"
              style={{ marginBottom: 16 }}
              title={t(`outcome.${c.reply.outcome}` as MessageKey)}
              description={
                <>
                  <div style={{ whiteSpace: 'pre-wrap' }}>{c.reply.text}</div>
                  {c.reply.policyBasis && (
                    <div>
                      {t('act.policyBasis')}：{c.reply.policyBasis}
                    </div>
                  )}
                </>
              }
            />
          )}
          {approve}
          {text('note', 'act.note', 2)}
        </>
      );
    case 'followUp':
      return (
        <>
          <Form.Item name="solved" label={t('act.solved')} required rules={[{ required: true, message: t('act.chooseDecision') }]}>
            <Radio.Group>
              <Radio value={true}>{t('yes')}</Radio>
              <Radio value={false}>{t('no')}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="satisfaction"
            label={t('act.satisfaction')}
            required={isRequired(action, 'satisfaction')}
            rules={[rule('satisfaction')]}
          >
            <Radio.Group options={satisfactionLevels.map((s) => ({ value: s, label: t(`satisfaction.${s}` as MessageKey) }))} />
          </Form.Item>
          {text('comment', 'act.comment', 2)}
        </>
      );
    case 'reopen':
      return text('reason', 'act.reopenReason');
    case 'close':
      return (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('act.closeHint')} />
          {text('reason', 'act.closeReason')}
        </>
      );
    case 'merge':
      return (
        <>
          <Typography.Paragraph type="secondary">{t('act.mergeHint')}</Typography.Paragraph>
          <Form.Item name="masterId" label={t('act.master')} required={isRequired(action, 'masterId')} rules={[rule('masterId')]}>
            <Radio.Group style={{ width: '100%' }}>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                locale={{ emptyText: t('act.noSimilar') }}
                dataSource={help?.similar ?? []}
                columns={[
                  { title: '', dataIndex: 'id', width: 40, render: (id: number) => <Radio value={id} aria-label={String(id)} /> },
                  { title: t('trackingNo'), dataIndex: 'trackingNo', width: 170 },
                  { title: t('title'), dataIndex: 'title', ellipsis: true },
                  {
                    title: t('status'),
                    dataIndex: 'status',
                    width: 100,
                    render: (s: string) => <Tag>{t(`status.${s}` as MessageKey)}</Tag>,
                  },
                  { title: t('act.similarity'), dataIndex: 'score', width: 80, render: (v: number) => `${Math.round(v * 100)}%` },
                ]}
              />
            </Radio.Group>
          </Form.Item>
        </>
      );
  }
}
