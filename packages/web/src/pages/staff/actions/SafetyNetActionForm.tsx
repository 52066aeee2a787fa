import { conductKinds, decideFields, rootCauseKinds, safetyNetOutcomes } from '@huiyin/core';
import { Alert, Checkbox, Divider, Form, Input, Radio, Select, Typography } from 'antd';
import { useSession } from '../../../api/session.tsx';
import type { CaseDetail, Unit } from '../../../api/types.ts';
import { PolicyPicker, type PolicyChoice } from '../../../components/PolicyPicker.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { MessageKey } from '../../../i18n/messages.ts';
import { zodRule } from '../../../forms/zodRule.ts';
import { fieldRule, isRequired, rootCauseRule } from './action-schema.ts';

export type SafetyNetAction = 'convene' | 'recordOpinion' | 'recordMinutes' | 'decide' | 'cite';

/**
 * The dialogs of the safety-net window: convene the unit heads, give a unit's opinion, record
 * the minutes, decide (done or a written answer why not, with the root cause), and cite an
 * article of the policy library. Rules come from core's schemas; fields appear only where
 * the schema allows them (conduct only for staff conduct, the staff member's name only for
 * misconduct, citations for a cannot-be-done answer).
 */
export function SafetyNetActionForm({ action, c, units }: { action: SafetyNetAction; c: CaseDetail; units: Unit[] }) {
  const { t } = useI18n();
  const { me } = useSession();
  const required = t('act.fieldRequired');
  const rule = (field: string) => fieldRule(action, field, required);
  const sn = c.safetyNet ?? null;
  // An ordinary case's consultation (派单异议) is in the case's own list.
  const open = (sn?.consultations ?? c.consultations).find((k) => k.open) ?? null;
  const handling = units.filter((u) => u.kind !== 'centre');
  const unitOptions = (first: readonly number[] = []) => {
    const firstSet = new Set(first);
    return [...handling.filter((u) => firstSet.has(u.id)), ...handling.filter((u) => !firstSet.has(u.id))].map((u) => ({
      value: u.id,
      label: u.name,
    }));
  };
  const text = (name: string, label: MessageKey, rows = 4, placeholder?: MessageKey, maxLength = 4000) => (
    <Form.Item name={name} label={t(label)} required={isRequired(action, name)} rules={[rule(name)]}>
      <Input.TextArea rows={rows} showCount maxLength={maxLength} placeholder={placeholder ? t(placeholder) : undefined} />
    </Form.Item>
  );
  const known: PolicyChoice[] = (c.citations ?? []).map((x) => ({
    id: x.policyId,
    title: x.title,
    articleNo: x.articleNo,
    docNumber: x.docNumber,
    repealed: x.repealed,
  }));

  switch (action) {
    case 'convene': {
      const origin = sn?.failedMatter.unit?.id;
      return (
        <>
          <Typography.Paragraph type="secondary">{t('sn.conveneHint')}</Typography.Paragraph>
          <Form.Item
            name="unitIds"
            label={t('sn.inviteUnits')}
            required
            rules={[fieldRule(action, 'unitIds', t('sn.err.unitIds'))]}
            initialValue={origin !== undefined ? [origin] : undefined}
          >
            <Select
              mode="multiple"
              showSearch={{ optionFilterProp: 'label' }}
              options={unitOptions(origin !== undefined ? [origin] : [])}
              aria-label={t('sn.inviteUnits')}
            />
          </Form.Item>
          {text('agenda', 'sn.agenda', 3, 'sn.agendaHint', 2000)}
        </>
      );
    }
    case 'recordOpinion': {
      const mine = (open?.pending ?? []).filter((u) => me?.units.some((m) => m.id === u.id));
      return (
        <>
          {open && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('sn.agenda')}
              description={<span style={{ whiteSpace: 'pre-wrap' }}>{open.agenda}</span>}
            />
          )}
          {mine.length > 1 && (
            <Form.Item
              name="unitId"
              label={t('sn.opinionFor')}
              required
              rules={[{ required: true, message: t('admin.choose') }]}
              initialValue={mine[0]?.id}
            >
              <Select options={mine.map((u) => ({ value: u.id, label: u.name }))} />
            </Form.Item>
          )}
          {mine.length === 1 && <Typography.Paragraph>{t('sn.opinionOf', { unit: mine[0]!.name })}</Typography.Paragraph>}
          {text('opinion', 'sn.opinion', 5)}
        </>
      );
    }
    case 'recordMinutes': {
      const invited = open?.invited.map((u) => u.id) ?? [];
      return (
        <>
          {open && (
            <div style={{ marginBottom: 16, border: '1px solid #f0f0f0', borderRadius: 8, padding: '8px 12px' }}>
              <Typography.Text strong>{t('sn.opinions')}</Typography.Text>
              {open.opinions.map((o) => (
                <div key={o.unit.id} style={{ marginTop: 4 }}>
                  <Typography.Text strong>{o.unit.name}：</Typography.Text>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{o.opinion}</span>
                </div>
              ))}
              {open.pending.map((u) => (
                <div key={u.id} style={{ marginTop: 4 }}>
                  <Typography.Text strong>{u.name}：</Typography.Text>
                  <Typography.Text type="warning">{t('sn.notAnswered')}</Typography.Text>
                </div>
              ))}
            </div>
          )}
          <Form.Item name="leadUnitId" label={t('act.leadUnit')} required={isRequired(action, 'leadUnitId')} rules={[rule('leadUnitId')]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={unitOptions(invited)} aria-label={t('act.leadUnit')} />
          </Form.Item>
          <Form.Item name="assistUnitIds" label={t('act.assistUnits')} rules={[rule('assistUnitIds')]}>
            <Select
              mode="multiple"
              showSearch={{ optionFilterProp: 'label' }}
              options={unitOptions(invited)}
              aria-label={t('act.assistUnits')}
            />
          </Form.Item>
          {text('decision', 'sn.minutesDecision', 4)}
          {!sn && <Alert type="warning" showIcon title={t('consult.minutesHint')} />}
        </>
      );
    }
    case 'cite':
      return (
        <>
          <Typography.Paragraph type="secondary">{t('sn.citeHint')}</Typography.Paragraph>
          <Form.Item name="policyId" label={t('sn.policy')} required rules={[fieldRule(action, 'policyId', t('sn.err.policy'))]}>
            <PolicyPicker mode="single" aria-label={t('sn.policy')} />
          </Form.Item>
          <Form.Item name="note" label={t('sn.citeNote')} rules={[rule('note')]}>
            <Input.TextArea rows={2} showCount maxLength={500} />
          </Form.Item>
        </>
      );
    case 'decide': {
      const originName = sn?.failedMatter.unit?.name;
      return (
        <>
          <Form.Item name="outcome" label={t('sn.outcome')} required rules={[{ required: true, message: t('act.chooseDecision') }]}>
            <Radio.Group
              optionType="button"
              options={safetyNetOutcomes.map((o) => ({ value: o, label: t(`sn.outcome.${o}` as MessageKey) }))}
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.outcome !== b.outcome}>
            {({ getFieldValue }) => {
              const outcome = getFieldValue('outcome') as string | undefined;
              return (
                <>
                  {outcome === 'cannot' && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('sn.cannotNeedsReview')} />}
                  <Form.Item
                    name="text"
                    label={t(outcome === 'cannot' ? 'sn.answerCannot' : 'sn.answerDone')}
                    required
                    rules={[rule('text')]}
                  >
                    <Input.TextArea rows={5} showCount maxLength={10000} />
                  </Form.Item>
                  {outcome === 'cannot' && (
                    <>
                      <Form.Item
                        name="citations"
                        label={t('sn.citations')}
                        required
                        rules={[zodRule(decideFields.citations, { required: t('sn.err.citations') })]}
                        initialValue={known.filter((k) => !k.repealed).map((k) => k.id)}
                      >
                        <PolicyPicker mode="multiple" known={known} aria-label={t('sn.citations')} />
                      </Form.Item>
                      <Form.Item name="alternatives" label={t('sn.alternatives')} rules={[rule('alternatives')]}>
                        <Input.TextArea rows={3} showCount maxLength={4000} placeholder={t('sn.alternativesHint')} />
                      </Form.Item>
                    </>
                  )}
                  {outcome === 'done' && (
                    <>
                      <Form.Item
                        name="citations"
                        label={t('sn.citationsOptional')}
                        rules={[rule('citations')]}
                        initialValue={known.filter((k) => !k.repealed).map((k) => k.id)}
                      >
                        <PolicyPicker mode="multiple" known={known} aria-label={t('sn.citations')} />
                      </Form.Item>
                      <Form.Item name="doneBy" label={t('sn.doneBy')} rules={[rule('doneBy')]}>
                        <Input maxLength={500} placeholder={t('sn.doneByHint')} />
                      </Form.Item>
                    </>
                  )}
                </>
              );
            }}
          </Form.Item>
          <Divider titlePlacement="start" plain>
            {t('sn.rootCause')}
          </Divider>
          <Form.Item
            name={['rootCause', 'kind']}
            label={t('sn.rootCauseKind')}
            required
            rules={[{ required: true, message: t('sn.err.rootCause') }]}
          >
            <Radio.Group options={rootCauseKinds.map((k) => ({ value: k, label: t(`sn.cause.${k}` as MessageKey) }))} />
          </Form.Item>
          <Form.Item
            noStyle
            shouldUpdate={(a, b) => a.rootCause?.kind !== b.rootCause?.kind || a.rootCause?.conduct !== b.rootCause?.conduct}
          >
            {({ getFieldValue }) => {
              const kind = getFieldValue(['rootCause', 'kind']) as string | undefined;
              const conduct = getFieldValue(['rootCause', 'conduct']) as string | undefined;
              if (kind !== 'staff_conduct') return null;
              return (
                <>
                  <Form.Item
                    name={['rootCause', 'conduct']}
                    label={t('sn.conduct')}
                    required
                    rules={[{ required: true, message: t('sn.err.conduct') }]}
                  >
                    <Radio.Group options={conductKinds.map((k) => ({ value: k, label: t(`sn.conduct.${k}` as MessageKey) }))} />
                  </Form.Item>
                  {conduct === 'misconduct' && (
                    <>
                      <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('sn.misconductReferred')} />
                      <Form.Item
                        name={['rootCause', 'staffName']}
                        label={t('sn.staffName')}
                        required
                        rules={[rootCauseRule('staffName', t('sn.err.staffName'))]}
                      >
                        <Input maxLength={50} style={{ maxWidth: 240 }} />
                      </Form.Item>
                    </>
                  )}
                  {conduct !== undefined && (
                    <Form.Item
                      name={['rootCause', 'unitId']}
                      label={t('sn.staffUnit')}
                      extra={originName ? t('sn.staffUnitDefault', { unit: originName }) : undefined}
                    >
                      <Select
                        allowClear
                        showSearch={{ optionFilterProp: 'label' }}
                        options={unitOptions(sn?.failedMatter.unit ? [sn.failedMatter.unit.id] : [])}
                        placeholder={originName}
                      />
                    </Form.Item>
                  )}
                  {conduct === 'subjective' && (
                    <>
                      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('sn.subjectiveRectified')} />
                      <Form.Item name={['rootCause', 'refer']} valuePropName="checked">
                        <Checkbox>{t('sn.referToo')}</Checkbox>
                      </Form.Item>
                    </>
                  )}
                </>
              );
            }}
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.rootCause?.kind !== b.rootCause?.kind}>
            {({ getFieldValue }) => {
              const kind = getFieldValue(['rootCause', 'kind']) as string | undefined;
              return (
                <Form.Item
                  name={['rootCause', 'finding']}
                  label={t('sn.finding')}
                  required
                  rules={[rootCauseRule('finding', t('sn.err.finding'))]}
                >
                  <Input.TextArea
                    rows={3}
                    showCount
                    maxLength={4000}
                    placeholder={kind ? t(`sn.findingHint.${kind}` as MessageKey) : undefined}
                  />
                </Form.Item>
              );
            }}
          </Form.Item>
        </>
      );
    }
  }
}
