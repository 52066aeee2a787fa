import type { MilestoneInput, MilestoneView } from '@huiyin/core';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Form, Input, InputNumber, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../../../i18n/i18n.tsx';
import { day } from '../lv-api.ts';

export interface MilestoneRow {
  id?: number;
  title?: string;
  plannedDate?: Dayjs;
  weight?: number;
  reason?: string;
}

export const milestoneRows = (ms: MilestoneView[]): MilestoneRow[] =>
  ms.map((m) => ({
    id: m.id,
    title: m.title,
    plannedDate: dayjs(m.plannedDate),
    weight: m.weight,
    ...(m.reason ? { reason: m.reason } : {}),
  }));

/** The form's rows as the API takes them (empty rows dropped). */
export function milestoneInputs(rows: MilestoneRow[] | undefined): MilestoneInput[] {
  return (rows ?? [])
    .filter((r) => r.title || r.plannedDate)
    .map((r) => ({
      ...(r.id ? { id: r.id } : {}),
      title: r.title ?? '',
      plannedDate: day(r.plannedDate) ?? '',
      weight: r.weight ?? 1,
      ...(r.reason ? { reason: r.reason } : {}),
    }));
}

function Row({ form, name, dueDate, onRemove }: { form: FormInstance; name: number; dueDate: string | undefined; onRemove: () => void }) {
  const { t } = useI18n();
  const planned = day(Form.useWatch(['milestones', name, 'plannedDate'], form));
  const late = !!(dueDate && planned && planned > dueDate);
  const required = { required: true, message: t('admin.required') };
  return (
    <Flex gap={8} wrap align="start" data-testid="milestone-row">
      <Form.Item name={[name, 'title']} rules={[{ ...required, whitespace: true }]} style={{ flex: '2 1 200px', marginBottom: 8 }}>
        <Input placeholder={t('lv.ms.title')} maxLength={100} aria-label={t('lv.ms.title')} />
      </Form.Item>
      <Form.Item name={[name, 'plannedDate']} rules={[required]} style={{ width: 150, marginBottom: 8 }}>
        <DatePicker style={{ width: '100%' }} placeholder={t('lv.ms.plannedDate')} aria-label={t('lv.ms.plannedDate')} />
      </Form.Item>
      <Form.Item name={[name, 'weight']} rules={[required]} style={{ width: 110, marginBottom: 8 }} tooltip={t('lv.ms.weightHint')}>
        <InputNumber min={0.1} max={1000} placeholder={t('lv.ms.weight')} aria-label={t('lv.ms.weight')} style={{ width: '100%' }} />
      </Form.Item>
      {late && (
        <Form.Item
          name={[name, 'reason']}
          rules={[{ ...required, whitespace: true, message: t('lv.ms.reasonNeeded') }]}
          style={{ flex: '2 1 220px', marginBottom: 8 }}
        >
          <Input placeholder={t('lv.ms.reason')} maxLength={500} aria-label={t('lv.ms.reason')} status="warning" />
        </Form.Item>
      )}
      <Button type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('lv.ms.remove')} />
    </Flex>
  );
}

/** 节点: title, planned date, weight; a reason when planned after the project's due date. */
export function MilestonesEditor({ form, dueDate }: { form: FormInstance; dueDate: string | undefined }) {
  const { t } = useI18n();
  return (
    <Form.List name="milestones">
      {(rows, { add, remove }) => (
        <>
          {rows.length > 0 && (
            <Flex gap={8} style={{ marginBottom: 4, color: 'rgba(0,0,0,0.55)', fontSize: 13 }} aria-hidden>
              <span style={{ flex: '2 1 200px' }}>{t('lv.ms.title')}</span>
              <span style={{ width: 150 }}>{t('lv.ms.plannedDate')}</span>
              <span style={{ width: 110 }}>{t('lv.ms.weight')}</span>
              <span style={{ width: 32 }} />
            </Flex>
          )}
          {rows.map((r) => (
            <Row key={r.key} form={form} name={r.name} dueDate={dueDate} onRemove={() => remove(r.name)} />
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ weight: 1 })} data-testid="add-milestone">
            {t('lv.ms.add')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
