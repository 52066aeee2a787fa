import { createUnitSchema, regionPrefix, unitKinds, unitNameSchema, updateUnitSchema } from '@huiyin/core';
import { Form, Input, Select, Typography } from 'antd';
import { apiSend, type ApiRequest } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { checkWith, zodRule } from './forms.ts';
import { flattenUnits, type AdminRegion, type AdminUnit } from './types.ts';
import { useApiMutation } from '../../api/query.ts';
import { FormDialog, passed } from '../FormDialog.tsx';

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
    const parentId = v.parentId ? v.parentId : null;
    let request: ApiRequest;
    if (editing) {
      const body = {
        ...(v.name.trim() !== editing.name ? { name: v.name } : {}),
        ...(v.kind !== editing.kind ? { kind: v.kind } : {}),
        ...(parentId !== editing.parentId ? { parentId } : {}),
      };
      if (Object.keys(body).length === 0) return props.onCancel();
      passed(checkWith(form, updateUnitSchema, body));
      request = { path: `/api/v1/admin/units/${editing.id}`, method: 'PATCH', body };
    } else {
      const body = { name: v.name, kind: v.kind, regionCode: v.regionCode, ...(parentId ? { parentId } : {}) };
      passed(checkWith(form, createUnitSchema, body));
      request = { path: '/api/v1/admin/units', method: 'POST', body };
    }
    props.onDone(await save.mutateAsync(request));
  }

  return (
    <FormDialog
      form={form}
      title={editing ? t('admin.units.edit') : parent ? `${t('admin.units.addChild')} · ${parent.name}` : t('admin.units.add')}
      width={560}
      fields={['name', 'kind', 'regionCode', 'parentId']}
      initialValues={initial}
      onSubmit={onFinish}
      onCancel={props.onCancel}
    >
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
    </FormDialog>
  );
}
