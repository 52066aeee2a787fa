import { matterStatuses, type MatterImportReport, type MatterListItem, type matterPageSchema, type MatterStatus } from '@huiyin/core';
import type { z } from 'zod';
import { DownloadOutlined, FileExcelOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, Space, Table, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { LoadError } from '../../../components/admin/LoadError.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { MessageKey } from '../../../i18n/messages.ts';
import { ImportOutcome, useExcelImport } from '../../../components/ExcelImport.tsx';
import { RegionPicker } from './components/RegionPicker.tsx';
import { MatterStatusTag } from './components/Tags.tsx';
import { FromCaseDialog } from './FromCaseDialog.tsx';
import { useAreas, useListOptions, useLvRoles, lvKeys } from './lv-api.ts';
import { query, downloadUrl } from '../../../api/client.ts';
import { MatterDrawer } from './MatterDrawer.tsx';
import { NewMatterDialog } from './NewMatterDialog.tsx';
import { useApiQuery, keepPreviousData } from '../../../api/query.ts';

/** GET /api/v1/matters: a page of matters. */
type Page = z.infer<typeof matterPageSchema>;

/**
 * 问题清单: the matters collected from the public, filtered (words, region and below, area,
 * status, list) and paged; exported to Excel with the same filters, imported from the template
 * with a report of the rows refused; new matters checked for duplicates before saving.
 */
export function MattersPage() {
  const { t } = useI18n();
  const { addMatters } = useLvRoles();
  const areas = useAreas();
  const lists = useListOptions();
  const [params, setParams] = useSearchParams();
  const filters = {
    q: params.get('q') ?? '',
    regionCode: params.get('region') ?? '',
    areaCode: params.get('area') ?? '',
    status: params.get('status') ?? '',
    listId: params.get('list') ?? '',
  };
  const page = Number(params.get('page')) || 1;
  const pageSize = Number(params.get('pageSize')) || 20;
  const openId = Number(params.get('open')) || null;
  const [draft, setDraft] = useState(filters.q);
  const [dialog, setDialog] = useState<'new' | 'case' | null>(null);
  useEffect(() => setDraft(filters.q), [filters.q]);

  const list = useApiQuery<Page>(
    ['livelihood', 'matters', { ...filters, page, pageSize }],
    `/api/v1/matters${query({ ...filters, page, pageSize })}`,
    { placeholderData: keepPreviousData },
  );

  function set(changes: Record<string, string | undefined>) {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, v);
    }
    // A new filter starts again at the first page.
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  }

  const imports = useExcelImport<MatterImportReport>({
    path: '/api/v1/matters/import',
    refused: (errors) => ({ imported: 0, errors }),
    invalidate: lvKeys.matters,
  });

  return (
    <Card
      title={t('lv.matters.title')}
      extra={
        <Space wrap>
          <Button icon={<FileExcelOutlined />} href={downloadUrl('/api/v1/matters/export.xlsx', filters)} data-testid="export-button">
            {t('lv.matters.export')}
          </Button>
          {addMatters && (
            <>
              <Button icon={<DownloadOutlined />} href={downloadUrl('/api/v1/matters/import-template.xlsx')} data-testid="template-button">
                {t('lv.matters.template')}
              </Button>
              <Upload
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                showUploadList={false}
                beforeUpload={(f) => (void imports.importFile(f, { listId: filters.listId }), false)}
              >
                <Button icon={<UploadOutlined />} loading={imports.importing} data-testid="import-button">
                  {t('lv.matters.import')}
                </Button>
              </Upload>
              <Button onClick={() => setDialog('case')} data-testid="from-case-button">
                {t('lv.matters.fromCase')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('new')} data-testid="new-matter-button">
                {t('lv.matters.new')}
              </Button>
            </>
          )}
        </Space>
      }
    >
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Input.Search
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onSearch={(v) => set({ q: v.trim() })}
          placeholder={t('lv.matters.searchHint')}
          allowClear
          enterButton={t('search')}
          style={{ maxWidth: 320 }}
          aria-label={t('lv.matters.searchHint')}
        />
        <RegionPicker
          value={filters.regionCode || undefined}
          onChange={(v) => set({ region: v })}
          allowClear
          placeholder={t('lv.region')}
        />
        <Select
          allowClear
          placeholder={t('lv.area')}
          value={filters.areaCode || undefined}
          onChange={(v?: string) => set({ area: v })}
          options={areas.options}
          style={{ width: 200 }}
        />
        <Select
          allowClear
          placeholder={t('status')}
          value={(filters.status || undefined) as MatterStatus | undefined}
          onChange={(v?: string) => set({ status: v })}
          options={matterStatuses.map((s) => ({ value: s, label: t(`lv.matterStatus.${s}` as MessageKey) }))}
          style={{ width: 130 }}
        />
        <Select
          allowClear
          placeholder={t('lv.list')}
          value={filters.listId ? Number(filters.listId) : undefined}
          onChange={(v?: number) => set({ list: v ? String(v) : undefined })}
          options={lists.options}
          style={{ width: 260 }}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Flex>
      <ImportOutcome
        state={imports}
        alertTestId="import-report"
        rowWidth={70}
        table={{ paged: true, x: 480 }}
        texts={{
          failed: t('lv.import.failed'),
          rejected: (n) => t('lv.import.rejected', { n }),
          done: (r) => t('lv.import.done', { n: r.imported }),
          row: t('lv.import.row'),
          column: t('lv.import.column'),
          reason: t('lv.import.reason'),
        }}
      />
      {list.error && <LoadError error={list.error} onRetry={list.refetch} />}
      <Table<MatterListItem>
        data-testid="matters-table"
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t('lv.matters.none') }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (n) => t('lv.total', { n }),
          onChange: (p, s) => set({ page: String(p), pageSize: String(s) }),
        }}
        columns={[
          { title: '#', dataIndex: 'id', width: 70 },
          {
            title: t('lv.matter.title'),
            dataIndex: 'title',
            render: (v: string, m) => (
              <Typography.Link onClick={() => set({ open: String(m.id), page: String(page) })} data-testid="matter-link">
                {v}
              </Typography.Link>
            ),
          },
          { title: t('lv.region'), dataIndex: 'regionName', width: 160 },
          { title: t('lv.area'), dataIndex: 'areaCode', width: 150, render: (v: string) => areas.label(v) },
          { title: t('status'), dataIndex: 'status', width: 90, render: (s: MatterStatus) => <MatterStatusTag status={s} /> },
          { title: t('lv.matter.originators'), dataIndex: 'originatorCount', width: 90, align: 'right' },
          { title: t('lv.matter.source'), dataIndex: 'source', width: 90, render: (s: string) => t(`lv.source.${s}` as MessageKey) },
          { title: t('lv.matter.collectedOn'), dataIndex: 'collectedOn', width: 110 },
          {
            title: t('lv.matter.project'),
            dataIndex: 'projectId',
            width: 100,
            render: (id: number | null, m) =>
              id ? (
                <Link to={`/admin/livelihood/projects/${id}`}>#{id}</Link>
              ) : m.mergedIntoId ? (
                <Typography.Link onClick={() => set({ open: String(m.mergedIntoId), page: String(page) })}>
                  → #{m.mergedIntoId}
                </Typography.Link>
              ) : (
                '—'
              ),
          },
        ]}
      />
      {openId !== null && (
        <MatterDrawer
          id={openId}
          onOpen={(id) => set({ open: String(id), page: String(page) })}
          onClose={() => set({ open: undefined, page: String(page) })}
        />
      )}
      {dialog === 'new' && (
        <NewMatterDialog
          listId={filters.listId ? Number(filters.listId) : undefined}
          onCancel={() => setDialog(null)}
          onOpen={(id) => (setDialog(null), set({ open: String(id), page: String(page) }))}
          onDone={(m) => (setDialog(null), set({ open: String(m.id), page: String(page) }))}
        />
      )}
      {dialog === 'case' && (
        <FromCaseDialog
          listId={filters.listId ? Number(filters.listId) : undefined}
          onCancel={() => setDialog(null)}
          onDone={(m) => (setDialog(null), set({ open: String(m.id), page: String(page) }))}
        />
      )}
    </Card>
  );
}
