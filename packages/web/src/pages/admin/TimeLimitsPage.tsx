import {
  caseTypes,
  limitHoursSchema,
  validateTimeLimitPolicyOverride,
  workingDaysSchema,
  type RegionTimeLimits,
  type TimeLimit,
  type TimeLimitPolicy,
  type TimeLimitPolicyOverride,
} from '@huiyin/core';
import { Alert, App, Button, Form, InputNumber, Popconfirm, Select, Space, Spin, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../../api/client.ts';
import { useSession } from '../../api/session.tsx';
import { explain, zodRule } from '../../components/admin/forms.ts';
import { LoadError } from '../../components/admin/LoadError.tsx';
import type { AdminRegion } from '../../components/admin/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { useApiQuery, keepPreviousData, useApiMutation } from '../../api/query.ts';

/**
 * GET /api/v1/settings/time-limits/:regionCode. Core's inferred `override` allows `undefined` on
 * each optional entry, which core's own TimeLimitPolicyOverride (exactOptionalPropertyTypes) does not;
 * JSON has no undefined, so the answer is read as the rules' type.
 */
type PolicyAnswer = Omit<RegionTimeLimits, 'override'> & { override: TimeLimitPolicyOverride | null };

/** One editable limit: where it sits in the policy and the unit the page edits it in. */
interface Row {
  id: string;
  group: 'answer' | null;
  key: string;
  unit: 'workingDays' | 'hours';
  label: MessageKey;
  vars?: Record<string, string>;
}

const rows: Row[] = [
  ...caseTypes.map((type): Row => ({
    id: `answer.${type}`,
    group: 'answer',
    key: type,
    unit: 'workingDays',
    label: 'admin.tl.answer',
    vars: { type },
  })),
  { id: 'urgentHelp', group: null, key: 'urgentHelp', unit: 'hours', label: 'admin.tl.urgentHelp' },
  { id: 'sign', group: null, key: 'sign', unit: 'workingDays', label: 'admin.tl.sign' },
];

type Mutable = { -readonly [K in keyof TimeLimitPolicyOverride]?: Record<string, unknown> | TimeLimit };

function limitOf(p: TimeLimitPolicy | TimeLimitPolicyOverride | null, row: Row): TimeLimit | undefined {
  if (!p) return undefined;
  const holder = (row.group ? (p as Record<string, unknown>)[row.group] : p) as Record<string, TimeLimit | undefined> | undefined;
  return holder?.[row.key];
}

/** The override with this row set to `limit`, or without it when `limit` is undefined. */
function withLimit(o: TimeLimitPolicyOverride | null, row: Row, limit: TimeLimit | undefined): TimeLimitPolicyOverride {
  const next = structuredClone((o ?? {}) as unknown as Mutable) as Record<string, unknown>;
  const holder = row.group ? ((next[row.group] as Record<string, unknown> | undefined) ?? {}) : next;
  if (limit) holder[row.key] = limit;
  else delete holder[row.key];
  if (row.group) {
    if (Object.keys(holder).length > 0) next[row.group] = holder;
    else delete next[row.group];
  }
  return next as TimeLimitPolicyOverride;
}

/** 办理时限: the effective policy of one of the admin's regions, editable per request type; overrides marked. */
export function TimeLimitsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { me } = useSession();
  const regions = useApiQuery<{ items: AdminRegion[] }>(['admin', 'regions'], '/api/v1/admin/regions');
  const own = useMemo(() => [...new Set((me?.units ?? []).map((u) => u.regionCode))], [me]);
  const [region, setRegion] = useState<string | undefined>(own[0]);
  const policy = useApiQuery<PolicyAnswer>(['settings', 'time-limits', region], `/api/v1/settings/time-limits/${region}`, {
    enabled: !!region,
    placeholderData: keepPreviousData,
  });
  const putPolicy = useApiMutation(
    ({ region, override }: { region: string; override: TimeLimitPolicyOverride }) =>
      api<PolicyAnswer>(`/api/v1/settings/time-limits/${region}`, { method: 'PUT', body: override }),
    (_r, { region }) => [['settings', 'time-limits', region]],
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<Record<string, number | null>>();

  const describe = (l: TimeLimit | undefined): string => {
    if (!l) return '—';
    switch (l.unit) {
      case 'sameDay':
        return t('admin.tl.sameDay');
      case 'workingDays':
        return t('admin.tl.daysValue', { n: l.value });
      case 'hours':
        return t('admin.tl.hoursValue', { n: l.value });
      case 'workingHours':
        return t('admin.tl.workingHoursValue', { n: l.value });
    }
  };

  async function put(override: TimeLimitPolicyOverride, done: string) {
    if (!region) return;
    const problem = validateTimeLimitPolicyOverride(override);
    if (problem) return setError(problem);
    setBusy(true);
    setError(null);
    try {
      await putPolicy.mutateAsync({ region, override });
      message.success(done);
    } catch (e) {
      setError(explain(e, t));
    } finally {
      setBusy(false);
    }
  }

  function save(values: Record<string, number | null>) {
    const data = policy.data;
    if (!data) return;
    let override = data.override;
    for (const row of rows) {
      const value = values[row.id];
      if (value === null || value === undefined) continue;
      const current = limitOf(data.effective, row);
      const unchanged = current?.unit === row.unit && current.value === value;
      // Only what the admin changed, or had already set here, becomes this region's own.
      if (!unchanged || limitOf(data.override, row)) override = withLimit(override, row, { unit: row.unit, value });
    }
    void put(override ?? {}, t('saved'));
  }

  const regionName = (code: string) => regions.data?.items.find((r) => r.code === code)?.name ?? '';
  const data = policy.data;
  const initial = data
    ? Object.fromEntries(
        rows.map((row) => {
          const l = limitOf(data.effective, row);
          return [row.id, l && l.unit === row.unit ? l.value : null];
        }),
      )
    : {};

  return (
    <>
      <Space style={{ marginBottom: 16 }} wrap>
        <label htmlFor="tl-region">{t('admin.tl.region')}</label>
        <Select
          id="tl-region"
          style={{ width: 320 }}
          value={region}
          onChange={setRegion}
          showSearch={{ optionFilterProp: 'label' }}
          options={(regions.data?.items ?? own.map((code) => ({ code, name: code }))).map((r) => ({
            value: r.code,
            label: `${r.name} ${r.code}`,
          }))}
        />
      </Space>
      <Alert type="info" showIcon title={t('admin.tl.hint')} style={{ marginBottom: 16 }} />
      {regions.error && <LoadError error={regions.error} onRetry={regions.refetch} />}
      {policy.error && <LoadError error={policy.error} onRetry={policy.refetch} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} closable={{ onClose: () => setError(null) }} />}
      {policy.isFetching && !data && <Spin style={{ display: 'block', margin: '48px auto' }} />}
      {data && (
        <Form
          key={`${data.regionCode}:${JSON.stringify(data.override)}`}
          form={form}
          layout="horizontal"
          labelCol={{ flex: '320px' }}
          labelWrap
          initialValues={initial}
          onFinish={save}
          style={{ maxWidth: 960 }}
        >
          <Typography.Paragraph strong>
            {regionName(data.regionCode)} {data.regionCode}
          </Typography.Paragraph>
          {rows.map((row) => {
            const eff = limitOf(data.effective, row);
            const overridden = limitOf(data.override, row) !== undefined;
            const vars = row.vars ? { type: t(`type.${row.vars['type']}` as MessageKey) } : undefined;
            return (
              <Form.Item key={row.id} label={t(row.label, vars)} htmlFor={`tl-${row.id}`} style={{ marginBottom: 16 }}>
                <Space align="start" wrap>
                  <Form.Item
                    name={row.id}
                    noStyle
                    rules={[
                      row.unit === 'hours'
                        ? zodRule(limitHoursSchema, t('admin.tl.positiveHours'))
                        : zodRule(workingDaysSchema, t('admin.tl.wholeDays')),
                    ]}
                  >
                    <InputNumber
                      id={`tl-${row.id}`}
                      step={1}
                      style={{ width: 200 }}
                      suffix={row.unit === 'hours' ? t('admin.tl.hours') : t('admin.tl.workingDays')}
                    />
                  </Form.Item>
                  {overridden ? <Tag color="orange">{t('admin.tl.overridden')}</Tag> : <Tag>{t('admin.tl.inherited')}</Tag>}
                  {eff && eff.unit !== row.unit && (
                    <Typography.Text type="secondary">{t('admin.tl.currently', { value: describe(eff) })}</Typography.Text>
                  )}
                  {overridden && (
                    <Popconfirm
                      title={t('admin.tl.confirmRestore')}
                      okText={t('confirm')}
                      cancelText={t('cancel')}
                      onConfirm={() => put(withLimit(data.override, row, undefined), t('saved'))}
                    >
                      <Button size="small" disabled={busy}>
                        {t('admin.tl.restore')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              </Form.Item>
            );
          })}
          <Form.Item label=" " colon={false}>
            <Space>
              <Button type="primary" htmlType="submit" loading={busy}>
                {t('save')}
              </Button>
              <Button htmlType="button" onClick={() => form.resetFields()} disabled={busy}>
                {t('reset')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
      )}
    </>
  );
}
