import { App, Button, Card, Col, Empty, Row, Space, Spin, Table, Tag, Tree, Typography } from 'antd';
import { AdminExcel } from '../../components/admin/AdminExcel.tsx';
import { ConfirmLink } from '../../components/admin/ConfirmLink.tsx';
import { useMemo, useState } from 'react';
import { api } from '../../api/client.ts';
import { CategoryDialog, RuleDialog, categoryName } from '../../components/admin/CatalogDialogs.tsx';
import { explain } from '../../components/admin/forms.ts';
import { LoadError } from '../../components/admin/LoadError.tsx';
import { type AdminCategory, type AdminRegion, type AdminUnit, type RoutingRule } from '../../components/admin/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useApiQuery, useApiMutation } from '../../api/query.ts';

interface TreeNode {
  key: string;
  category: AdminCategory;
  children: TreeNode[];
}

/** Categories as tree nodes: parents first, children under them, by code. */
function categoryTree(items: readonly AdminCategory[]): TreeNode[] {
  const nodes = new Map(items.map((c) => [c.code, { key: c.code, category: c, children: [] as TreeNode[] }]));
  const roots: TreeNode[] = [];
  for (const n of nodes.values()) {
    const parent = n.category.parentCode ? nodes.get(n.category.parentCode) : undefined;
    (parent ? parent.children : roots).push(n);
  }
  return roots;
}

type Dialog = { mode: 'category'; editing?: AdminCategory; parent?: AdminCategory } | { mode: 'rule' } | null;

/** 分类与派单目录: the category tree on the left, the routing rules of the admin's regions on the right. */
export function CatalogPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const categories = useApiQuery<{ items: AdminCategory[] }>(['admin', 'categories'], '/api/v1/admin/categories');
  const rules = useApiQuery<{ items: RoutingRule[] }>(['admin', 'routing-rules'], '/api/v1/admin/routing-rules');
  const units = useApiQuery<{ items: AdminUnit[] }>(['admin', 'units'], '/api/v1/admin/units');
  const regions = useApiQuery<{ items: AdminRegion[] }>(['admin', 'regions'], '/api/v1/admin/regions');
  const patchCategory = useApiMutation(
    ({ c, active }: { c: AdminCategory; active: boolean }) =>
      api(`/api/v1/admin/categories/${encodeURIComponent(c.code)}`, { method: 'PATCH', body: { active } }),
    [['admin', 'categories'], ['admin', 'routing-rules'], ['categories']],
  );
  const deleteRule = useApiMutation(
    (r: RoutingRule) => api(`/api/v1/admin/routing-rules/${r.id}`, { method: 'DELETE' }),
    [['admin', 'routing-rules']],
  );
  const [selected, setSelected] = useState<AdminCategory | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const list = useMemo(() => categories.data?.items ?? [], [categories.data]);
  const treeData = useMemo(() => categoryTree(list), [list]);
  const shownRules = (rules.data?.items ?? []).filter(
    (r) => !selected || r.categoryCode === selected.code || r.categoryCode.startsWith(`${selected.code}.`),
  );

  async function setActive(c: AdminCategory, active: boolean) {
    try {
      await patchCategory.mutateAsync({ c, active });
      message.success(active ? t('admin.reactivated') : t('admin.deactivated'));
    } catch (e) {
      message.error(explain(e, t));
    }
  }

  async function removeRule(r: RoutingRule) {
    try {
      await deleteRule.mutateAsync(r);
      message.success(t('admin.removed'));
    } catch (e) {
      message.error(explain(e, t));
    }
  }

  const ready = categories.data && units.data && regions.data;
  return (
    <Row gutter={16}>
      <Col span={11}>
        <Card
          size="small"
          title={t('admin.catalog.categories')}
          extra={
            <Button size="small" type="primary" disabled={!categories.data} onClick={() => setDialog({ mode: 'category' })}>
              {t('admin.catalog.addCategory')}
            </Button>
          }
        >
          <Typography.Paragraph type="secondary">{t('admin.catalog.categoryHint')}</Typography.Paragraph>
          <AdminExcel
            base="/api/v1/admin/categories"
            files={{ export: 'adminExcel.categoriesFile', template: 'adminExcel.categoriesTemplateFile' }}
            invalidate={[['admin', 'categories'], ['categories']]}
            testId="categories-excel"
          />
          {categories.error && <LoadError error={categories.error} onRetry={categories.refetch} />}
          {categories.isFetching && !categories.data && <Spin style={{ display: 'block', margin: '32px auto' }} />}
          {categories.data && list.length === 0 && <Empty description={t('empty')} />}
          {categories.data && list.length > 0 && (
            <Tree<TreeNode>
              blockNode
              defaultExpandAll
              treeData={treeData}
              selectedKeys={selected ? [selected.code] : []}
              onSelect={(_keys, info) => setSelected(info.selected ? info.node.category : null)}
              titleRender={(n) => {
                const c = n.category;
                return (
                  <div style={{ display: 'flex', alignItems: 'center', gap: 8, minHeight: 28 }}>
                    <span style={{ flex: 1, minWidth: 0 }}>
                      {c.active ? categoryName(c, lang) : <Typography.Text type="secondary">{categoryName(c, lang)}</Typography.Text>}{' '}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {c.code}
                      </Typography.Text>
                    </span>
                    {!c.active && <Tag>{t('admin.inactive')}</Tag>}
                    <Space size={0} onClick={(e) => e.stopPropagation()}>
                      <Button type="link" size="small" onClick={() => setDialog({ mode: 'category', editing: c })}>
                        {t('admin.edit')}
                      </Button>
                      {c.active && !c.parentCode && (
                        <Button type="link" size="small" onClick={() => setDialog({ mode: 'category', parent: c })}>
                          {t('admin.catalog.addSub')}
                        </Button>
                      )}
                      {c.active ? (
                        <ConfirmLink
                          title={t('admin.confirmDeactivate', { name: categoryName(c, lang) })}
                          onConfirm={() => setActive(c, false)}
                          danger
                        >
                          {t('admin.deactivate')}
                        </ConfirmLink>
                      ) : (
                        <Button type="link" size="small" onClick={() => void setActive(c, true)}>
                          {t('admin.reactivate')}
                        </Button>
                      )}
                    </Space>
                  </div>
                );
              }}
            />
          )}
        </Card>
      </Col>
      <Col span={13}>
        <Card
          size="small"
          title={t('admin.catalog.rules')}
          extra={
            <Button size="small" type="primary" disabled={!ready} onClick={() => setDialog({ mode: 'rule' })}>
              {t('admin.catalog.addRule')}
            </Button>
          }
        >
          <Typography.Paragraph type="secondary">{t('admin.catalog.rulesHint')}</Typography.Paragraph>
          <AdminExcel
            base="/api/v1/admin/routing-rules"
            files={{ export: 'adminExcel.catalogFile', template: 'adminExcel.catalogTemplateFile' }}
            invalidate={[['admin', 'routing-rules']]}
            testId="catalog-excel"
          />
          <div style={{ marginBottom: 12, minHeight: 24 }}>
            {selected ? (
              <Space>
                <Tag color="blue">{t('admin.catalog.filteredBy', { name: categoryName(selected, lang) })}</Tag>
                <Button size="small" onClick={() => setSelected(null)}>
                  {t('admin.catalog.showAll')}
                </Button>
              </Space>
            ) : (
              <Typography.Text type="secondary">{t('admin.catalog.selectHint')}</Typography.Text>
            )}
          </div>
          {rules.error && <LoadError error={rules.error} onRetry={rules.refetch} />}
          {(units.error || regions.error) && (
            <LoadError error={(units.error ?? regions.error)!} onRetry={() => (void units.refetch(), void regions.refetch())} />
          )}
          <Table<RoutingRule>
            rowKey="id"
            size="small"
            loading={rules.isFetching}
            dataSource={shownRules}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: t('empty') }}
            columns={[
              {
                title: t('category'),
                key: 'category',
                render: (_: unknown, r) => (
                  <>
                    {lang === 'zh' ? r.categoryNameZh : r.categoryNameEn}{' '}
                    <Typography.Text type="secondary">{r.categoryCode}</Typography.Text>
                    {!r.categoryActive && <Tag style={{ marginLeft: 8 }}>{t('admin.inactive')}</Tag>}
                  </>
                ),
              },
              {
                title: t('admin.catalog.regionPrefix'),
                key: 'region',
                width: 170,
                render: (_: unknown, r) => `${r.regionName ?? ''} ${r.regionPrefix}`,
              },
              { title: t('admin.catalog.unit'), key: 'unit', render: (_: unknown, r) => r.unit.name },
              {
                title: t('adminExcel.catalog.assist'),
                key: 'assist',
                render: (_: unknown, r) => r.assistUnits.map((u) => u.name).join('、') || '—',
              },
              {
                title: t('adminExcel.catalog.timeLimit'),
                key: 'timeLimit',
                width: 100,
                render: (_: unknown, r) => (r.timeLimitDays === null ? '—' : t('adminExcel.catalog.days', { n: r.timeLimitDays })),
              },
              {
                title: t('admin.actions'),
                key: 'actions',
                width: 72,
                render: (_: unknown, r) => (
                  <ConfirmLink
                    title={t('admin.confirmRemove', { name: `${lang === 'zh' ? r.categoryNameZh : r.categoryNameEn} → ${r.unit.name}` })}
                    onConfirm={() => removeRule(r)}
                    danger
                  >
                    {t('admin.remove')}
                  </ConfirmLink>
                ),
              },
            ]}
          />
        </Card>
      </Col>
      {dialog?.mode === 'category' && (
        <CategoryDialog
          editing={dialog.editing}
          parent={dialog.parent}
          categories={list}
          onCancel={() => setDialog(null)}
          onDone={() => {
            message.success(dialog.editing ? t('saved') : t('admin.created'));
            setDialog(null);
          }}
        />
      )}
      {dialog?.mode === 'rule' && categories.data && units.data && regions.data && (
        <RuleDialog
          category={selected?.code}
          categories={list}
          regions={regions.data.items}
          tree={units.data.items}
          onCancel={() => setDialog(null)}
          onDone={() => {
            message.success(t('admin.created'));
            setDialog(null);
          }}
        />
      )}
    </Row>
  );
}
