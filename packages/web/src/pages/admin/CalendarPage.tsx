import type { CalendarYear } from '@huiyin/core';
import { ConfirmLink } from '../../components/admin/ConfirmLink.tsx';
import { calendarOverrideSchema, isoDateParamSchema } from '@huiyin/core';
import { Alert, App, Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { applyApiError, checkWith, explain, withoutEmpty, zodRule } from '../../components/admin/forms.ts';
import { LoadError } from '../../components/admin/LoadError.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { useApiQuery, keepPreviousData, useApiMutation } from '../../api/query.ts';

/** GET /api/v1/settings/calendar?year=, as core declares it. */
type CalendarAnswer = CalendarYear;
type DayInfo = CalendarYear['days'][number];

interface OverrideValues {
  date?: Dayjs;
  kind: 'holiday' | 'workday';
  name?: string;
}

const kindColor: Record<DayInfo['kind'], string> = { holiday: 'red', makeupWorkday: 'blue', weekday: 'default', weekend: 'default' };

/** 节假日: the year's holidays and make-up workdays (State Council notice + local overrides); add and remove overrides. */
export function CalendarPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [year, setYear] = useState(() => dayjs().year());
  const calendar = useApiQuery<CalendarAnswer>(['settings', 'calendar', year], `/api/v1/settings/calendar?year=${year}`, {
    placeholderData: keepPreviousData,
  });
  const put = useApiMutation(
    ({ date, body }: { date: string; body: unknown }) => api(`/api/v1/settings/calendar/overrides/${date}`, { method: 'PUT', body }),
    [['settings', 'calendar']],
  );
  const del = useApiMutation(
    (date: string) => api(`/api/v1/settings/calendar/overrides/${date}`, { method: 'DELETE' }),
    [['settings', 'calendar']],
  );
  const [form] = Form.useForm<OverrideValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function add(v: OverrideValues) {
    setError(null);
    const date = v.date?.format('YYYY-MM-DD') ?? '';
    if (!isoDateParamSchema.safeParse(date).success) return form.setFields([{ name: 'date', errors: [t('admin.cal.dateRule')] }]);
    const body = checkWith(form, calendarOverrideSchema, withoutEmpty({ kind: v.kind, name: v.name }));
    if (!body) return;
    setBusy(true);
    try {
      await put.mutateAsync({ date, body });
      message.success(t('admin.cal.added', { date }));
      form.resetFields();
      if (Number(date.slice(0, 4)) !== year) setYear(Number(date.slice(0, 4)));
    } catch (e) {
      setError(applyApiError(form, e, t, ['date', 'kind', 'name']));
    } finally {
      setBusy(false);
    }
  }

  async function remove(date: string) {
    try {
      await del.mutateAsync(date);
      message.success(t('admin.removed'));
    } catch (e) {
      message.error(explain(e, t));
    }
  }

  const data = calendar.data;
  return (
    <>
      <Space style={{ marginBottom: 16 }} wrap>
        <label htmlFor="cal-year">{t('admin.cal.year')}</label>
        <DatePicker
          id="cal-year"
          picker="year"
          allowClear={false}
          value={dayjs(`${year}-01-01`)}
          onChange={(d) => d && setYear(d.year())}
          style={{ width: 140 }}
        />
      </Space>
      {data && !data.covered && <Alert type="warning" showIcon title={t('admin.cal.notCovered', { year })} style={{ marginBottom: 16 }} />}
      {data && data.covered && data.provisional && (
        <Alert type="warning" showIcon title={t('admin.cal.provisional', { year })} style={{ marginBottom: 16 }} />
      )}
      {calendar.error && <LoadError error={calendar.error} onRetry={calendar.refetch} />}
      <Card size="small" title={t('admin.cal.addOverride')} style={{ marginBottom: 16 }}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="inline" onFinish={add} initialValues={{ kind: 'holiday' }} style={{ rowGap: 8 }}>
          <Form.Item name="date" label={t('admin.cal.date')} rules={[{ required: true, message: t('admin.cal.dateRule') }]}>
            <DatePicker format="YYYY-MM-DD" style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="kind" label={t('admin.cal.overrideKind')} rules={[{ required: true, message: t('admin.required') }]}>
            <Select
              style={{ width: 200 }}
              options={[
                { value: 'holiday', label: t('admin.cal.asHoliday') },
                { value: 'workday', label: t('admin.cal.asWorkday') },
              ]}
            />
          </Form.Item>
          <Form.Item name="name" label={t('admin.cal.name')} rules={[zodRule(calendarOverrideSchema.shape.name)]}>
            <Input placeholder={t('admin.cal.namePlaceholder')} maxLength={50} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('admin.cal.addOverride')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Alert type="info" showIcon title={t('admin.cal.hint')} style={{ marginBottom: 16 }} />
      <Table<DayInfo>
        rowKey="date"
        size="small"
        loading={calendar.isFetching}
        dataSource={data?.days ?? []}
        pagination={false}
        locale={{ emptyText: t('empty') }}
        columns={[
          { title: t('admin.cal.date'), dataIndex: 'date', width: 140 },
          {
            title: t('admin.cal.weekday'),
            key: 'weekday',
            width: 110,
            render: (_: unknown, d) => t(`admin.weekday.${dayjs(d.date).day()}` as MessageKey),
          },
          {
            title: t('admin.cal.kind'),
            dataIndex: 'kind',
            width: 130,
            render: (k: DayInfo['kind']) => <Tag color={kindColor[k]}>{t(`admin.cal.kind.${k}` as MessageKey)}</Tag>,
          },
          { title: t('admin.cal.name'), dataIndex: 'name', render: (n: string | null) => n ?? '—' },
          {
            title: t('admin.cal.source'),
            key: 'source',
            width: 140,
            render: (_: unknown, d) => (d.overridden ? <Tag color="orange">{t('admin.cal.override')}</Tag> : t('admin.cal.official')),
          },
          {
            title: t('admin.actions'),
            key: 'actions',
            width: 120,
            render: (_: unknown, d) =>
              d.overridden && (
                <ConfirmLink title={t('admin.cal.confirmRemove', { date: d.date })} onConfirm={() => remove(d.date)} danger>
                  {t('admin.cal.removeOverride')}
                </ConfirmLink>
              ),
          },
        ]}
      />
    </>
  );
}
