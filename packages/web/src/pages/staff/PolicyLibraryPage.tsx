import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Flex,
  Input,
  Popconfirm,
  Select,
  Skeleton,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { PolicyImportReport } from '@huiyin/core';
import { api, query, downloadUrl } from '../../api/client.ts';
import { useSession } from '../../api/session.tsx';
import type { PolicyArticle, PolicyHit, Unit } from '../../api/types.ts';
import { LoadError } from '../../components/admin/LoadError.tsx';
import { policyLabel } from '../../components/PolicyPicker.tsx';
import { Snippet } from '../../components/Snippet.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { PolicyDialog, RepealDialog } from './PolicyDialogs.tsx';
import { ImportOutcome, useExcelImport } from '../../components/ExcelImport.tsx';
import { useApiQuery, keepPreviousData, useApiMutation, policyKeys } from '../../api/query.ts';

const levelColour: Record<string, string> = { law: 'red', regulation: 'volcano', rule: 'orange', normative: 'blue', guide: 'green' };

type ImportResult = PolicyImportReport;

/**
 * 知识库: the policy library every staff member searches (the match marked in each passage),
 * filtered by tag and with or without repealed articles; an article opens in a drawer with its
 * full text and how many cases cite it. Admins add, edit and repeal articles and import them
 * from the Excel template, with a table of the rows that were refused.
 */
export function PolicyLibraryPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const { message } = App.useApp();
  const admin = me?.roles.includes('admin') ?? false;
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const tag = params.get('tag') ?? undefined;
  const includeRepealed = params.get('repealed') === 'true';
  const openId = Number(params.get('open')) || null;
  const [draft, setDraft] = useState(q);
  const [tags, setTags] = useState<string[]>([]);
  const [dialog, setDialog] = useState<{ mode: 'create' } | { mode: 'edit'; article: PolicyArticle } | null>(null);
  const [repealing, setRepealing] = useState<PolicyArticle | null>(null);

  const list = useApiQuery<{ items: PolicyHit[] }>(
    ['policies', { q, tag, includeRepealed }],
    `/api/v1/policies${query({ pageSize: 100, includeRepealed, q, tag })}`,
    { placeholderData: keepPreviousData },
  );
  const article = useApiQuery<PolicyArticle>(['policy', openId], `/api/v1/policies/${openId}`, { enabled: !!openId });
  const units = useApiQuery<{ items: Unit[] }>(['units'], '/api/v1/units', { enabled: admin });

  // Tags to filter by: every tag seen in any list so far.
  useEffect(() => {
    const seen = list.data?.items.flatMap((i) => i.tags) ?? [];
    if (seen.length > 0) setTags((prev) => [...new Set([...prev, ...seen])].sort((a, b) => a.localeCompare(b, 'zh')));
  }, [list.data]);
  useEffect(() => setDraft(q), [q]);

  function setParam(key: string, value: string | undefined) {
    const next = new URLSearchParams(params);
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, value);
    setParams(next);
  }

  const imports = useExcelImport<ImportResult>({
    path: '/api/v1/policies/import',
    read: (data) => ({ imported: data.imported ?? 0, updated: data.updated ?? 0, errors: data.errors ?? [] }),
    refused: (errors) => ({ imported: 0, updated: 0, errors }),
    invalidate: policyKeys,
  });
  const patchPolicy = useApiMutation(
    ({ id, body }: { id: number; body: unknown }) => api(`/api/v1/policies/${id}`, { method: 'PATCH', body }),
    policyKeys,
  );

  async function liftRepeal(a: PolicyArticle) {
    try {
      await patchPolicy.mutateAsync({ id: a.id, body: { repealedOn: null } });
      message.success(t('saved'));
    } catch (e) {
      message.error((e as Error).message);
    }
  }

  const unitName = useMemo(() => new Map((units.data?.items ?? []).map((u) => [u.id, u.name])), [units.data]);
  const a = article.data ?? null;

  return (
    <Card
      title={t('policy.title')}
      extra={
        admin && (
          <Space wrap>
            <Button icon={<DownloadOutlined />} href={downloadUrl('/api/v1/policies/import-template.xlsx')} data-testid="policy-template">
              {t('policy.template')}
            </Button>
            <Upload
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              showUploadList={false}
              beforeUpload={(file) => {
                void imports.importFile(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={imports.importing}>
                {t('policy.import')}
              </Button>
            </Upload>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ mode: 'create' })}>
              {t('policy.add')}
            </Button>
          </Space>
        )
      }
    >
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Input.Search
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onSearch={(v) => setParam('q', v.trim())}
          placeholder={t('policy.searchHint')}
          allowClear
          enterButton={t('search')}
          style={{ maxWidth: 420 }}
          aria-label={t('policy.searchHint')}
        />
        <Select
          allowClear
          placeholder={t('policy.tag')}
          value={tag}
          onChange={(v?: string) => setParam('tag', v)}
          options={tags.map((x) => ({ value: x, label: x }))}
          style={{ width: 180 }}
          showSearch={{ optionFilterProp: 'label' }}
        />
        <Space>
          <Switch
            checked={includeRepealed}
            onChange={(v) => setParam('repealed', v ? 'true' : undefined)}
            aria-label={t('policy.includeRepealed')}
          />
          {t('policy.includeRepealed')}
        </Space>
      </Flex>
      <ImportOutcome
        state={imports}
        rowWidth={80}
        texts={{
          failed: t('policy.importFailed'),
          rejected: (n) => t('policy.importRejected', { n }),
          done: (r) => t('policy.importDone', { imported: r.imported, updated: r.updated }),
          row: t('policy.row'),
          column: t('policy.column'),
          reason: t('policy.reason'),
        }}
      />
      {list.error && <LoadError error={list.error} onRetry={list.refetch} />}
      <Table<PolicyHit>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('policy.noHits') }}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t('policy.article'),
            dataIndex: 'title',
            render: (_: string, h) => (
              <div>
                <Flex gap={6} wrap align="center">
                  <Typography.Link strong onClick={() => setParam('open', String(h.id))}>
                    {policyLabel(h)}
                  </Typography.Link>
                  {h.repealed && <Tag color="red">{t('policy.repealed')}</Tag>}
                </Flex>
                <div style={{ fontSize: 13, color: 'rgba(0,0,0,0.65)', marginTop: 4 }}>
                  <Snippet text={h.snippet} />
                </div>
              </div>
            ),
          },
          { title: t('policy.docNumber'), dataIndex: 'docNumber', width: 200 },
          { title: t('policy.issuer'), dataIndex: 'issuer', width: 180 },
          {
            title: t('policy.level'),
            dataIndex: 'level',
            width: 110,
            render: (l: string) => <Tag color={levelColour[l] ?? 'default'}>{t(`policy.level.${l}` as MessageKey)}</Tag>,
          },
          {
            title: t('policy.tags'),
            dataIndex: 'tags',
            width: 200,
            render: (ts: string[]) => (
              <Flex gap={4} wrap>
                {ts.map((x) => (
                  <Tag key={x} style={{ cursor: 'pointer' }} onClick={() => setParam('tag', x)}>
                    {x}
                  </Tag>
                ))}
              </Flex>
            ),
          },
        ]}
      />
      <Drawer
        open={openId !== null}
        onClose={() => setParam('open', undefined)}
        size={640}
        title={a ? policyLabel(a) : t('loading')}
        destroyOnHidden
      >
        {article.error && <LoadError error={article.error} onRetry={article.refetch} />}
        {article.isFetching && <Skeleton active />}
        {a && !article.isFetching && (
          <div data-testid="policy-article">
            <Flex gap={8} wrap style={{ marginBottom: 12 }}>
              <Tag color={levelColour[a.level] ?? 'default'}>{t(`policy.level.${a.level}` as MessageKey)}</Tag>
              {a.repealed ? <Tag color="red">{t('policy.repealed')}</Tag> : <Tag color="green">{t('policy.inForce')}</Tag>}
              <Tag color="blue">{t('policy.citedBy', { n: a.citedBy })}</Tag>
            </Flex>
            <Descriptions
              column={1}
              size="small"
              bordered
              items={[
                { key: 'doc', label: t('policy.docNumber'), children: a.docNumber },
                { key: 'issuer', label: t('policy.issuer'), children: a.issuer },
                { key: 'from', label: t('policy.effectiveFrom'), children: a.effectiveFrom ?? '—' },
                ...(a.repealedOn ? [{ key: 'repealed', label: t('policy.repealedOn'), children: a.repealedOn }] : []),
                { key: 'tags', label: t('policy.tags'), children: a.tags.length > 0 ? a.tags.join('、') : '—' },
                ...(a.unitIds && a.unitIds.length > 0
                  ? [{ key: 'units', label: t('policy.units'), children: a.unitIds.map((id) => unitName.get(id) ?? `#${id}`).join('、') }]
                  : []),
              ]}
            />
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 16, fontSize: 15, lineHeight: 1.8 }}>
              {a.body}
            </Typography.Paragraph>
            {admin && (
              <Space wrap>
                <Button onClick={() => setDialog({ mode: 'edit', article: a })}>{t('admin.edit')}</Button>
                {a.repealedOn ? (
                  <Popconfirm
                    title={t('policy.liftRepealConfirm')}
                    okText={t('confirm')}
                    cancelText={t('cancel')}
                    onConfirm={() => liftRepeal(a)}
                  >
                    <Button>{t('policy.liftRepeal')}</Button>
                  </Popconfirm>
                ) : (
                  <Button danger onClick={() => setRepealing(a)}>
                    {t('policy.repeal')}
                  </Button>
                )}
              </Space>
            )}
          </div>
        )}
      </Drawer>
      {dialog && (
        <PolicyDialog
          editing={dialog.mode === 'edit' ? dialog.article : undefined}
          units={units.data?.items ?? []}
          onCancel={() => setDialog(null)}
          onDone={(saved) => {
            message.success(dialog.mode === 'create' ? t('admin.created') : t('saved'));
            setDialog(null);
            if (dialog.mode === 'create') setParam('open', String(saved.id));
          }}
        />
      )}
      {repealing && (
        <RepealDialog
          article={repealing}
          onCancel={() => setRepealing(null)}
          onDone={() => {
            message.success(t('saved'));
            setRepealing(null);
          }}
        />
      )}
    </Card>
  );
}
