import { createUnitSchema, regionPrefix, unitKinds, unitNameSchema, updateUnitSchema } from '@huiyin/core';
import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { apiSend, type ApiRequest } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { applyApiError, checkWith, zodRule } from './forms.ts';
import { flattenUnits, type AdminRegion, type AdminUnit } from './types.ts';
import { useApiMutation } from '../../api/query.ts';

interface Values {
  name: string;
  kind: string;
  regionCode: string;
  parentId: number | null;
}

/** Ids of the unit and everything under it (a unit cannot move under those). */
function subtreeIds(u: AdminUnit): number[] {
  return [u.id, ...u.children.flatMap(subtreeIds)];
}

/**
 * Create a unit (optionally under a given parent) or edit one: name, kind, parent. The region is
 * chosen at creation only. Validated with the API's own schemas before sending.
 */
export function UnitDialog(props: {
  editing?: AdminUnit | undefined;
  parent?: AdminUnit | undefined;
  tree: AdminUnit[];
  regions: AdminRegion[];
  onDone: (u: AdminUnit) => void;
  onCancel: () => void;
}) {
  const { editing, parent, tree, regions } = props;
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const save = useApiMutation((r: ApiRequest) => apiSend<AdminUnit>(r), [['admin', 'units'], ['units']]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const excluded = new Set(editing ? subtreeIds(editing) : []);
  const parentOptions = [
    { value: 0, label: t('admin.units.parentNone') },
    ...flattenUnits(tree)
      .filter((u) => u.active && !excluded.has(u.id))
      .map((u) => ({ value: u.id, label: `${'\u3000'.repeat(u.depth)}${u.name}`, title: u.name })),
  ];
  const initial: Values = editing
    ? { name: editing.name, kind: editing.kind, regionCode: editing.regionCode, parentId: editing.parentId ?? 0 }
    : { name: '', kind: 'bureau', regionCode: parent?.regionCode ?? regions[0]?.code ?? '', parentId: parent?.id ?? 0 };

  async function onFinish(v: Values) {
    setError(null);
    const parentId = v.parentId ? v.parentId : null;
    let request: ApiRequest;
    if (editing) {
      const body = {
        ...(v.name.trim() !== editing.name ? { name: v.name } : {}),
        ...(v.kind !== editing.kind ? { kind: v.kind } : {}),
        ...(parentId !== editing.parentId ? { parentId } : {}),
      };
      if (Object.keys(body).length === 0) return props.onCancel();
      if (!checkWith(form, updateUnitSchema, body)) return;
      request = { path: `/api/v1/admin/units/${editing.id}`, method: 'PATCH', body };
    } else {
      const body = { name: v.name, kind: v.kind, regionCode: v.regionCode, ...(parentId ? { parentId } : {}) };
      if (!checkWith(form, createUnitSchema, body)) return;
      request = { path: '/api/v1/admin/units', method: 'POST', body };
    }
    setBusy(true);
    try {
      props.onDone(await save.mutateAsync(request));
    } catch (e) {
      setError(applyApiError(form, e, t, ['name', 'kind', 'regionCode', 'parentId']));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={editing ? t('admin.units.edit') : parent ? `${t('admin.units.addChild')} · ${parent.name}` : t('admin.units.add')}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={props.onCancel}
      width={560}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={onFinish} requiredMark>
        <Form.Item
          name="name"
          label={t('admin.units.name')}
          rules={[{ required: true, whitespace: true, message: t('admin.required') }, zodRule(unitNameSchema)]}
        >
          <Input maxLength={100} autoFocus />
        </Form.Item>
        <Form.Item name="kind" label={t('admin.units.kind')} rules={[{ required: true, message: t('admin.required') }]}>
          <Select options={unitKinds.map((k) => ({ value: k, label: t(`admin.unitKind.${k}` as MessageKey) }))} />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label={t('admin.units.region')}
          rules={[{ required: true, message: t('admin.required') }]}
          extra={editing ? <Typography.Text type="secondary">{t('admin.units.regionFixed')}</Typography.Text> : undefined}
        >
          <Select
            disabled={Boolean(editing)}
            showSearch={{ optionFilterProp: 'label' }}
            options={regions.map((r) => ({ value: r.code, label: `${r.name}（${regionPrefix(r.code)}）` }))}
          />
        </Form.Item>
        <Form.Item name="parentId" label={t('admin.units.parent')}>
          <Select showSearch={{ optionFilterProp: 'title' }} options={parentOptions} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
