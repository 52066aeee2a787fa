import { ordinaryConsultationMinUnits, type TimeLimit } from '@huiyin/core';
import { Form, Input, Select, Typography } from 'antd';
import { useApiQuery } from '../../../api/query.ts';
import type { CaseDetail, Unit } from '../../../api/types.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { MessageKey } from '../../../i18n/messages.ts';
import { fieldRule } from './action-schema.ts';

/** The units a case has been dispatched to and returned by (its timeline), the lead unit first: the units concerned. */
export function unitsConcerned(c: CaseDetail): number[] {
  const ids: number[] = [];
  if (c.leadUnit) ids.push(c.leadUnit.id);
  for (const e of c.timeline) {
    const u = e.action === 'return' ? e.payload['unitId'] : e.action === 'dispatch' ? e.payload['leadUnitId'] : undefined;
    if (typeof u === 'number') ids.push(u);
  }
  return [...new Set(ids)];
}

/**
 * The dispatcher convenes an ordinary case's consultation (派单异议): at least two units (the
 * units the case went to and came back from are proposed), the matter to settle, and the time
 * within which the minutes are due. Opinions and minutes use the same dialogs as the safety-net window.
 */
export function ConveneOrdinaryForm({ c, units }: { c: CaseDetail; units: Unit[] }) {
  const { t } = useI18n();
  const limit = useApiQuery<TimeLimit>(['consultations', 'settle-limit'], '/api/v1/consultations/settle-limit');
  const l = limit.data;
  const limitText = l ? t(`consult.limit.${l.unit}` as MessageKey, { n: 'value' in l ? l.value : 1 }) : '…';
  const concerned = unitsConcerned(c);
  const handling = units.filter((u) => u.kind !== 'centre');
  const first = new Set(concerned);
  const options = [...handling.filter((u) => first.has(u.id)), ...handling.filter((u) => !first.has(u.id))].map((u) => ({
    value: u.id,
    label: u.name,
  }));
  const atLeastTwo = t('consult.err.units');
  return (
    <>
      <Typography.Paragraph type="secondary">{t('consult.conveneHint', { limit: limitText })}</Typography.Paragraph>
      <Form.Item
        name="unitIds"
        label={t('consult.units')}
        required
        initialValue={concerned.length > 0 ? concerned : undefined}
        rules={[
          {
            validator: (_r, v: unknown) =>
              Array.isArray(v) && new Set(v).size >= ordinaryConsultationMinUnits
                ? Promise.resolve()
                : Promise.reject(new Error(atLeastTwo)),
          },
        ]}
      >
        <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={options} aria-label={t('consult.units')} />
      </Form.Item>
      <Form.Item name="agenda" label={t('consult.agenda')} required rules={[fieldRule('convene', 'agenda', t('act.fieldRequired'))]}>
        <Input.TextArea rows={3} showCount maxLength={2000} placeholder={t('consult.agendaHint')} />
      </Form.Item>
    </>
  );
}
