import { App, Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { AdminExcel } from '../../components/admin/AdminExcel.tsx';
import { ConfirmLink } from '../../components/admin/ConfirmLink.tsx';
import { useEffect, useMemo, useState, type Key } from 'react';
import { api } from '../../api/client.ts';
import { explain } from '../../components/admin/forms.ts';
import { LoadError } from '../../components/admin/LoadError.tsx';
import { asTreeRows, flattenUnits, type AdminRegion, type AdminUnit } from '../../components/admin/types.ts';
import { UnitDialog } from '../../components/admin/UnitDialog.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { useApiQuery, useApiMutation } from '../../api/query.ts';

type Dialog = { mode: 'create'; parent?: AdminUnit } | { mode: 'edit'; unit: AdminUnit } | null;

/** 单位管理: the units of the admin's regions as a tree; add, edit, move, deactivate, reactivate, remove. */
export function UnitsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const units = useApiQuery<{ items: AdminUnit[] }>(['admin', 'units'], '/api/v1/admin/units');
  const regions = useApiQuery<{ items: AdminRegion[] }>(['admin', 'regions'], '/api/v1/admin/regions');
  const patchUnit = useApiMutation(
    ({ u, body }: { u: AdminUnit; body: { active: boolean } }) =>
      api<AdminUnit & { routesRemoved: number }>(`/api/v1/admin/units/${u.id}`, { method: 'PATCH', body }),
    // Deactivating a unit removes its routing rules.
    [['admin', 'units'], ['admin', 'routing-rules'], ['units']],
  );
  const deleteUnit = useApiMutation(
    (u: AdminUnit) => api(`/api/v1/admin/units/${u.id}`, { method: 'DELETE' }),
    [['admin', 'units'], ['units']],
  );
  const [dialog, setDialog] = useState<Dialog>(null);
  const [expanded, setExpanded] = useState<readonly Key[]>([]);
  const tree = useMemo(() => units.data?.items ?? [], [units.data]);
  const rows = useMemo(() => asTreeRows(tree), [tree]);
  // Table rows drop empty `children` (no expander on leaves); actions work on the full nodes.
  const byId = useMemo(() => new Map(flattenUnits(tree).map((u) => [u.id, u])), [tree]);

  // Open every branch when the units first arrive; later the user's choice stays.
  useEffect(() => {
    if (units.data && expanded.length === 0)
      setExpanded(
        flattenUnits(units.data.items)
          .filter((u) => u.children.length > 0)
          .map((u) => u.id),
      );
    // Only when new data arrives, not when the user folds a branch.
  }, [units.data]);

  async function patch(u: AdminUnit, body: { active: boolean }) {
    try {
      const r = await patchUnit.mutateAsync({ u, body });
      message.success(
        body.active
          ? t('admin.reactivated')
          : r.routesRemoved > 0
            ? t('admin.units.routesRemoved', { n: r.routesRemoved })
            : t('admin.deactivated'),
      );
    } catch (e) {
      message.error(explain(e, t));
    }
  }

  async function remove(u: AdminUnit) {
    try {
      await deleteUnit.mutateAsync(u);
      message.success(t('admin.removed'));
    } catch (e) {
      message.error(explain(e, t));
    }
  }

  function actions(row: AdminUnit) {
    const u = byId.get(row.id) ?? { ...row, children: [] };
    const activeChildren = u.children.some((c) => c.active);
    const blocked = u.memberCount > 0 ? t('admin.units.hasMembers') : activeChildren ? t('admin.units.hasChildren') : null;
    return (
      <Space size={0} wrap>
        <Button type="link" size="small" onClick={() => setDialog({ mode: 'edit', unit: u })}>
          {t('admin.edit')}
        </Button>
        {u.active && (
          <Button type="link" size="small" onClick={() => setDialog({ mode: 'create', parent: u })}>
            {t('admin.units.addChild')}
          </Button>
        )}
        {u.active ? (
          blocked ? (
            <Tooltip title={blocked}>
              <Button type="link" size="small" disabled>
                {t('admin.deactivate')}
              </Button>
            </Tooltip>
          ) : (
            <ConfirmLink
              title={t('admin.confirmDeactivate', { name: u.name })}
              description={<div style={{ maxWidth: 320 }}>{t('admin.units.deactivateHint')}</div>}
              onConfirm={() => patch(u, { active: false })}
              danger
            >
              {t('admin.deactivate')}
            </ConfirmLink>
          )
        ) : (
          <ConfirmLink title={t('admin.confirmReactivate', { name: u.name })} onConfirm={() => patch(u, { active: true })}>
            {t('admin.reactivate')}
          </ConfirmLink>
        )}
        {u.memberCount === 0 && u.children.length === 0 && (
          <ConfirmLink
            title={t('admin.confirmRemove', { name: u.name })}
            description={<div style={{ maxWidth: 320 }}>{t('admin.units.removeHint')}</div>}
            onConfirm={() => remove(u)}
            danger
          >
            {t('admin.remove')}
          </ConfirmLink>
        )}
      </Space>
    );
  }

  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 16 }}>
        <Typography.Text type="secondary">{t('admin.units.deactivateHint')}</Typography.Text>
        <Button type="primary" disabled={!regions.data || regions.data.items.length === 0} onClick={() => setDialog({ mode: 'create' })}>
          {t('admin.units.add')}
        </Button>
      </div>
      <AdminExcel
        base="/api/v1/admin/units"
        files={{ export: 'adminExcel.unitsFile', template: 'adminExcel.unitsTemplateFile' }}
        invalidate={[['admin', 'units']]}
        testId="units-excel"
      />
      {units.error && <LoadError error={units.error} onRetry={units.refetch} />}
      {regions.error && <LoadError error={regions.error} onRetry={regions.refetch} />}
      <Table<AdminUnit>
        rowKey="id"
        size="middle"
        loading={units.isFetching}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('empty') }}
        expandable={{ expandedRowKeys: expanded, onExpandedRowsChange: (keys) => setExpanded(keys) }}
        columns={[
          {
            title: t('admin.units.name'),
            dataIndex: 'name',
            render: (v: string, u) => (u.active ? v : <Typography.Text type="secondary">{v}</Typography.Text>),
          },
          {
            title: t('admin.units.kind'),
            dataIndex: 'kind',
            width: 130,
            render: (k: string) => <Tag>{t(`admin.unitKind.${k}` as MessageKey)}</Tag>,
          },
          { title: t('admin.units.region'), dataIndex: 'regionCode', width: 190, render: (c: string, u) => `${u.regionName ?? ''} ${c}` },
          { title: t('admin.units.members'), dataIndex: 'memberCount', width: 100, align: 'right' },
          {
            title: t('admin.state'),
            dataIndex: 'active',
            width: 100,
            render: (a: boolean) => (a ? <Tag color="green">{t('admin.active')}</Tag> : <Tag>{t('admin.inactive')}</Tag>),
          },
          { title: t('admin.actions'), key: 'actions', width: lang === 'zh' ? 250 : 380, render: (_: unknown, u) => actions(u) },
        ]}
      />
      {dialog && regions.data && (
        <UnitDialog
          editing={dialog.mode === 'edit' ? dialog.unit : undefined}
          parent={dialog.mode === 'create' ? dialog.parent : undefined}
          tree={tree}
          regions={regions.data.items}
          onCancel={() => setDialog(null)}
          onDone={(u) => {
            message.success(dialog.mode === 'create' ? t('admin.created') : t('saved'));
            setDialog(null);
            if (u.parentId !== null) setExpanded((keys) => (keys.includes(u.parentId!) ? keys : [...keys, u.parentId!]));
          }}
        />
      )}
    </>
  );
}
