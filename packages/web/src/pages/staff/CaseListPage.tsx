import { caseStatuses, caseTypes, channels, openStatuses } from '@huiyin/core';
import { trackingNoColumn } from '../../components/LedgerTable.tsx';
import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Form, Input, Select, Space, Table, type SelectProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, apiBlob, downloadUrl } from '../../api/client.ts';
import { useCategories, useUnits } from '../../api/resources.ts';
import type { CaseSummary, Page } from '../../api/types.ts';
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
  const units = useUnits();
  const categories = useCategories();
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);

  /** The list's filters as the API takes them (without the cursor). */
  const filters = useMemo(() => {
    const q = new URLSearchParams();
    for (const k of filterKeys) {
      const v = params.get(k);
      if (v && !(k === 'channel' && v === ALL)) q.set(k, v);
    }
    if (defaultChannel && !params.has('channel')) q.set('channel', defaultChannel);
    // The workbench shows the work: open cases unless the user asked for a status.
    if (embedded && !q.has('status')) q.set('status', openStatuses.join(','));
    q.set('pageSize', '20');
    return q.toString();
  }, [params, embedded, defaultChannel]);

  const list = useInfiniteQuery({
    queryKey: ['cases', filters],
    queryFn: ({ pageParam, signal }) =>
      api<Page<CaseSummary>>(`/api/v1/cases?${filters}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? null, [list.data]);
  const error = list.isError && !list.isFetching ? list.error.message : null;

  useEffect(() => {
    form.setFieldsValue({
      ...Object.fromEntries(filterKeys.filter((k) => k !== 'from' && k !== 'to').map((k) => [k, params.get(k) ?? undefined])),
      status: params.get('status')?.split(',') ?? undefined,
      channel: params.get('channel') ?? defaultChannel,
    });
  }, [params, form, defaultChannel]);

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

  /** The list under the same filters as an Excel workbook (a refusal, e.g. too many cases, is shown, not downloaded). */
  async function exportXlsx() {
    const q = new URLSearchParams(filters);
    q.delete('pageSize');
    setExporting(true);
    try {
      const blob = await apiBlob(downloadUrl('/api/v1/cases/export.xlsx', Object.fromEntries(q)));
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = t('papers.exportFile');
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      void message.error(`${t('papers.exportFailed')}：${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setExporting(false);
    }
  }

  async function loadMore() {
    if (list.hasNextPage) await list.fetchNextPage();
  }

  const unitOptions = units.map((u) => ({ value: String(u.id), label: u.name }));
  const catName = (code: string | null) => {
    const c = categories.find((x) => x.code === code);
    return c ? (lang === 'zh' ? c.nameZh : c.nameEn) : (code ?? '—');
  };

  return (
    <Card
      title={embedded ? t('myCases') : t('cases')}
      extra={
        <Button icon={<FileExcelOutlined />} loading={exporting} onClick={() => void exportXlsx()} data-testid="case-export">
          {t('papers.export')}
        </Button>
      }
    >
      <Form form={form} layout="inline" onFinish={applyFilters} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="q">
          <Input.Search placeholder={t('list.searchHint')} allowClear style={{ width: 260 }} onSearch={() => form.submit()} />
        </Form.Item>
        <FilterSelect
          name="status"
          placeholder={t('status')}
          width={180}
          mode="multiple"
          maxTagCount="responsive"
          options={caseStatuses.map((s) => ({ value: s, label: t(`status.${s}` as MessageKey) }))}
        />
        <FilterSelect
          name="channel"
          placeholder={t('channel')}
          width={170}
          aria-label={t('channel')}
          options={[
            ...(defaultChannel ? [{ value: ALL, label: t('list.allChannels') }] : []),
            ...channels.map((c) => ({ value: c, label: t(`channel.${c}` as MessageKey) })),
          ]}
        />
        <FilterSelect
          name="due"
          placeholder={t('list.dueState')}
          width={120}
          options={[
            { value: 'near', label: t('queue.near') },
            { value: 'overdue', label: t('queue.overdue') },
          ]}
        />
        <FilterSelect
          name="type"
          placeholder={t('type')}
          width={110}
          options={caseTypes.map((s) => ({ value: s, label: t(`type.${s}` as MessageKey) }))}
        />
        <FilterSelect name="unitId" placeholder={t('list.unit')} width={200} search options={unitOptions} />
        <FilterSelect
          name="leadUnitId"
          placeholder={t('list.leadUnit')}
          aria-label={t('list.leadUnit')}
          width={200}
          search
          options={unitOptions}
        />
        <FilterSelect
          name="categoryCode"
          placeholder={t('category')}
          width={150}
          search
          options={categories.filter((c) => c.parentCode).map((c) => ({ value: c.code, label: lang === 'zh' ? c.nameZh : c.nameEn }))}
        />
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
          trackingNoColumn(t('trackingNo'), 180, (r) => r.id),
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
      {list.hasNextPage && (
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Button onClick={() => void loadMore()}>{t('list.more')}</Button>
        </div>
      )}
    </Card>
  );
}

/** One filter of the list: a clearable choice under the form's field `name` (searchable by label with `search`). */
function FilterSelect({
  name,
  width,
  search,
  ...select
}: { name: string; width: number; search?: boolean } & Pick<
  SelectProps,
  'placeholder' | 'options' | 'mode' | 'maxTagCount' | 'aria-label'
>) {
  return (
    <Form.Item name={name}>
      <Select allowClear {...(search ? { showSearch: true, optionFilterProp: 'label' } : {})} style={{ width }} {...select} />
    </Form.Item>
  );
}
