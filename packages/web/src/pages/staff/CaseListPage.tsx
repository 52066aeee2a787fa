import { caseStatuses, caseTypes, channels, openStatuses } from '@huiyin/core';
import { Alert, Button, Card, DatePicker, Form, Input, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { CaseSummary, Category, Page, Unit } from '../../api/types.ts';
import { DueTag } from '../../components/DueTag.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { formatTime, useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';

/** `unitId` matches the lead or an assisting unit, `leadUnitId` the lead unit only (the supervision centre's counts). */
const filterKeys = ['status', 'channel', 'unitId', 'leadUnitId', 'type', 'categoryCode', 'regionCode', 'due', 'from', 'to', 'q'] as const;
/** The channel filter's "every channel" choice, so a list with a default channel can still show all. */
const ALL = 'all';

/** Cases in the user's scope with filters kept in the address (so a queue link is a filtered list). */
export function CaseListPage({ embedded = false, defaultChannel }: { embedded?: boolean; defaultChannel?: string | undefined }) {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const [items, setItems] = useState<CaseSummary[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [units, setUnits] = useState<Unit[]>([]);
  const [categories, setCategories] = useState<Category[]>([]);
  const [form] = Form.useForm();

  useEffect(() => {
    api<{ items: Unit[] }>('/api/v1/units').then(
      (r) => setUnits(r.items),
      () => undefined,
    );
    api<{ items: Category[] }>('/api/v1/categories').then(
      (r) => setCategories(r.items),
      () => undefined,
    );
  }, [lang]);

  const query = useCallback(
    (after: string | null) => {
      const q = new URLSearchParams();
      for (const k of filterKeys) {
        const v = params.get(k);
        if (v && !(k === 'channel' && v === ALL)) q.set(k, v);
      }
      if (defaultChannel && !params.has('channel')) q.set('channel', defaultChannel);
      // The workbench shows the work: open cases unless the user asked for a status.
      if (embedded && !q.has('status')) q.set('status', openStatuses.join(','));
      q.set('pageSize', '20');
      if (after) q.set('cursor', after);
      return api<Page<CaseSummary>>(`/api/v1/cases?${q.toString()}`);
    },
    [params, lang, embedded, defaultChannel],
  );

  useEffect(() => {
    setItems(null);
    setError(null);
    form.setFieldsValue({
      ...Object.fromEntries(filterKeys.filter((k) => k !== 'from' && k !== 'to').map((k) => [k, params.get(k) ?? undefined])),
      status: params.get('status')?.split(',') ?? undefined,
      channel: params.get('channel') ?? defaultChannel,
    });
    query(null).then(
      (p) => {
        setItems(p.items);
        setCursor(p.nextCursor);
      },
      (e: Error) => setError(e.message),
    );
  }, [query, params, form, defaultChannel]);

  function applyFilters(v: Record<string, unknown>) {
    const next = new URLSearchParams();
    for (const [k, val] of Object.entries(v)) {
      if (k === 'range') {
        const r = val as [Dayjs, Dayjs] | undefined;
        if (r) {
          next.set('from', r[0].startOf('day').toISOString());
          next.set('to', r[1].endOf('day').toISOString());
        }
      } else if (Array.isArray(val)) {
        if (val.length > 0) next.set(k, val.join(','));
      } else if (k === 'channel' && (val === undefined || val === null) && defaultChannel) {
        next.set(k, ALL);
      } else if (val !== undefined && val !== null && val !== '') next.set(k, String(val));
    }
    setParams(next);
  }

  async function loadMore() {
    if (!cursor) return;
    const p = await query(cursor);
    setItems((prev) => [...(prev ?? []), ...p.items]);
    setCursor(p.nextCursor);
  }

  const catName = (code: string | null) => {
    const c = categories.find((x) => x.code === code);
    return c ? (lang === 'zh' ? c.nameZh : c.nameEn) : (code ?? '—');
  };

  return (
    <Card title={embedded ? t('myCases') : t('cases')}>
      <Form form={form} layout="inline" onFinish={applyFilters} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="q">
          <Input.Search placeholder={t('list.searchHint')} allowClear style={{ width: 260 }} onSearch={() => form.submit()} />
        </Form.Item>
        <Form.Item name="status">
          <Select
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder={t('status')}
            style={{ width: 180 }}
            options={caseStatuses.map((s) => ({ value: s, label: t(`status.${s}` as MessageKey) }))}
          />
        </Form.Item>
        <Form.Item name="channel">
          <Select
            allowClear
            placeholder={t('channel')}
            style={{ width: 170 }}
            options={[
              ...(defaultChannel ? [{ value: ALL, label: t('list.allChannels') }] : []),
              ...channels.map((c) => ({ value: c, label: t(`channel.${c}` as MessageKey) })),
            ]}
            aria-label={t('channel')}
          />
        </Form.Item>
        <Form.Item name="due">
          <Select
            allowClear
            placeholder={t('list.dueState')}
            style={{ width: 120 }}
            options={[
              { value: 'near', label: t('queue.near') },
              { value: 'overdue', label: t('queue.overdue') },
            ]}
          />
        </Form.Item>
        <Form.Item name="type">
          <Select
            allowClear
            placeholder={t('type')}
            style={{ width: 110 }}
            options={caseTypes.map((s) => ({ value: s, label: t(`type.${s}` as MessageKey) }))}
          />
        </Form.Item>
        <Form.Item name="unitId">
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('list.unit')}
            style={{ width: 200 }}
            options={units.map((u) => ({ value: String(u.id), label: u.name }))}
          />
        </Form.Item>
        <Form.Item name="leadUnitId">
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('list.leadUnit')}
            aria-label={t('list.leadUnit')}
            style={{ width: 200 }}
            options={units.map((u) => ({ value: String(u.id), label: u.name }))}
          />
        </Form.Item>
        <Form.Item name="categoryCode">
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('category')}
            style={{ width: 150 }}
            options={categories.filter((c) => c.parentCode).map((c) => ({ value: c.code, label: lang === 'zh' ? c.nameZh : c.nameEn }))}
          />
        </Form.Item>
        <Form.Item name="regionCode">
          <Input allowClear placeholder={t('list.regionCode')} style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="range">
          <DatePicker.RangePicker />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              setParams(new URLSearchParams());
            }}
          >
            {t('reset')}
          </Button>
        </Space>
      </Form>
      {error && <Alert type="error" showIcon title={t('loadFailed')} description={error} style={{ marginBottom: 16 }} />}
      <Table<CaseSummary>
        rowKey="id"
        size="middle"
        loading={items === null && !error}
        dataSource={items ?? []}
        pagination={false}
        locale={{ emptyText: t('empty') }}
        scroll={{ x: 1100 }}
        columns={[
          {
            title: t('trackingNo'),
            dataIndex: 'trackingNo',
            width: 180,
            render: (v: string, r) => <Link to={`/admin/cases/${r.id}`}>{v}</Link>,
          },
          { title: t('title'), dataIndex: 'title', ellipsis: true },
          { title: t('type'), dataIndex: 'type', width: 80, render: (v: string) => t(`type.${v}` as MessageKey) },
          { title: t('category'), dataIndex: 'categoryCode', width: 120, render: catName },
          { title: t('status'), dataIndex: 'status', width: 110, render: (s: string) => <StatusTag status={s} /> },
          { title: t('list.leadUnit'), dataIndex: ['leadUnit', 'name'], width: 200, ellipsis: true, render: (v?: string) => v ?? '—' },
          {
            title: t('deadline'),
            dataIndex: 'nextDueAt',
            width: 150,
            render: (v: string | null, r) => <DueTag due={v} state={r.dueState} />,
          },
          { title: t('createdAt'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatTime(v, lang) },
        ]}
      />
      {cursor && (
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Button onClick={() => void loadMore()}>{t('list.more')}</Button>
        </div>
      )}
    </Card>
  );
}
