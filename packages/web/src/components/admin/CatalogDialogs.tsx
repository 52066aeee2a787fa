import {
  categoryCodeSchema,
  categoryNameEnSchema,
  categoryNameZhSchema,
  createCategorySchema,
  createRoutingRuleSchema,
  regionPrefix,
  updateCategorySchema,
} from '@huiyin/core';
import { Form, Input, InputNumber, Select } from 'antd';
import { api, apiSend, type ApiRequest } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { checkWith, zodRule } from './forms.ts';
import { flattenUnits, type AdminCategory, type AdminRegion, type AdminUnit, type RoutingRule } from './types.ts';
import { useApiMutation } from '../../api/query.ts';
import { FormDialog, passed } from '../FormDialog.tsx';

/** What a change of a category touches: the admin's lists and the categories every form offers. */
const catalogKeys = [['admin', 'categories'], ['admin', 'routing-rules'], ['categories']];

export function categoryName(c: { nameZh: string; nameEn: string }, lang: string): string {
  return lang === 'zh' ? c.nameZh : c.nameEn;
}

interface CategoryValues {
  code: string;
  parentCode: string;
  nameZh: string;
  nameEn: string;
}

/** Add a category (top level or under a parent) or rename one. */
export function CategoryDialog(props: {
  editing?: AdminCategory | undefined;
  parent?: AdminCategory | undefined;
  categories: AdminCategory[];
  onDone: (c: AdminCategory) => void;
  onCancel: () => void;
}) {
  const { editing, parent, categories } = props;
  const { t, lang } = useI18n();
  const [form] = Form.useForm<CategoryValues>();
  const save = useApiMutation((r: ApiRequest) => apiSend<AdminCategory>(r), catalogKeys);
  const messages = { code: t('admin.catalog.codeRule') };

  async function onFinish(v: CategoryValues) {
    let request: ApiRequest;
    if (editing) {
      const body = {
        ...(v.nameZh.trim() !== editing.nameZh ? { nameZh: v.nameZh } : {}),
        ...(v.nameEn.trim() !== editing.nameEn ? { nameEn: v.nameEn } : {}),
      };
      if (Object.keys(body).length === 0) return props.onCancel();
      passed(checkWith(form, updateCategorySchema, body));
      request = { path: `/api/v1/admin/categories/${encodeURIComponent(editing.code)}`, method: 'PATCH', body };
    } else {
      const body = { code: v.code.trim(), nameZh: v.nameZh, nameEn: v.nameEn, ...(v.parentCode ? { parentCode: v.parentCode } : {}) };
      // The cross-field rule (a subcategory's code starts with its parent's) has its own words.
      const sub = v.parentCode && !createCategorySchema.safeParse(body).success && categoryCodeSchema.safeParse(body.code).success;
      passed(checkWith(form, createCategorySchema, body, sub ? { code: t('admin.catalog.subCodeRule') } : messages));
      request = { path: '/api/v1/admin/categories', method: 'POST', body };
    }
    props.onDone(await save.mutateAsync(request));
  }

  const required = { required: true, whitespace: true, message: t('admin.required') };
  const initial: CategoryValues = editing
    ? { code: editing.code, parentCode: editing.parentCode ?? '', nameZh: editing.nameZh, nameEn: editing.nameEn }
    : { code: parent ? `${parent.code}.` : '', parentCode: parent?.code ?? '', nameZh: '', nameEn: '' };
  return (
    <FormDialog
      form={form}
      title={
        editing
          ? t('admin.catalog.editCategory')
          : parent
            ? `${t('admin.catalog.addSub')} · ${categoryName(parent, lang)}`
            : t('admin.catalog.addCategory')
      }
      fields={['code', 'parentCode', 'nameZh', 'nameEn']}
      initialValues={initial}
      onValuesChange={(changed: Partial<CategoryValues>, all: CategoryValues) => {
        // A new parent gives the code its prefix, unless the user already typed a code of their own.
        if (changed.parentCode === undefined || editing) return;
        const typed = all.code ?? '';
        if (typed === '' || typed.endsWith('.') || categories.some((c) => typed === `${c.code}.`))
          form.setFieldValue('code', changed.parentCode ? `${changed.parentCode}.` : '');
      }}
      onSubmit={onFinish}
      onCancel={props.onCancel}
    >
      <Form.Item name="parentCode" label={t('admin.catalog.parent')}>
        <Select
          disabled={Boolean(editing)}
          showSearch={{ optionFilterProp: 'label' }}
          options={[
            { value: '', label: t('admin.catalog.parentNone') },
            ...categories
              .filter((c) => c.active && c.code !== editing?.code)
              .map((c) => ({ value: c.code, label: `${categoryName(c, lang)}（${c.code}）` })),
          ]}
        />
      </Form.Item>
      <Form.Item
        name="code"
        label={t('admin.catalog.code')}
        rules={[required, zodRule(categoryCodeSchema, messages.code)]}
        extra={editing ? undefined : t('admin.catalog.subCodeRule')}
      >
        <Input disabled={Boolean(editing)} maxLength={64} autoComplete="off" />
      </Form.Item>
      <Form.Item name="nameZh" label={t('admin.catalog.nameZh')} rules={[required, zodRule(categoryNameZhSchema)]}>
        <Input maxLength={50} autoFocus={Boolean(editing)} />
      </Form.Item>
      <Form.Item name="nameEn" label={t('admin.catalog.nameEn')} rules={[required, zodRule(categoryNameEnSchema)]}>
        <Input maxLength={100} />
      </Form.Item>
    </FormDialog>
  );
}

interface RuleValues {
  categoryCode?: string;
  regionPrefix?: string;
  unitId?: number;
  assistUnitIds?: number[];
  timeLimitDays?: number | null;
}

/**
 * Add a routing rule: category x region (inside the admin's regions) -> responsible unit, with
 * optional assisting units and a time limit of its own (working days to answer).
 */
export function RuleDialog(props: {
  category?: string | undefined;
  categories: AdminCategory[];
  regions: AdminRegion[];
  tree: AdminUnit[];
  onDone: (r: RoutingRule) => void;
  onCancel: () => void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<RuleValues>();
  const create = useApiMutation(
    (body: unknown) => api<RoutingRule>('/api/v1/admin/routing-rules', { method: 'POST', body }),
    [['admin', 'routing-rules']],
  );
  const byCode = new Map(props.categories.map((c) => [c.code, c]));

  async function onFinish(v: RuleValues) {
    const body = passed(checkWith(form, createRoutingRuleSchema, v, { regionPrefix: t('admin.catalog.prefixRule') }));
    props.onDone(await create.mutateAsync(body));
  }

  const required = { required: true, message: t('admin.required') };
  return (
    <FormDialog
      form={form}
      title={t('admin.catalog.addRule')}
      width={560}
      fields={['categoryCode', 'regionPrefix', 'unitId', 'assistUnitIds', 'timeLimitDays']}
      initialValues={{ categoryCode: props.category, regionPrefix: props.regions[0] ? regionPrefix(props.regions[0].code) : undefined }}
      onSubmit={onFinish}
      onCancel={props.onCancel}
    >
      <Form.Item name="categoryCode" label={t('category')} rules={[required]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={props.categories
            .filter((c) => c.active)
            .map((c) => {
              const parent = c.parentCode ? byCode.get(c.parentCode) : undefined;
              return {
                value: c.code,
                label: parent ? `${categoryName(parent, lang)} / ${categoryName(c, lang)}` : categoryName(c, lang),
              };
            })}
        />
      </Form.Item>
      <Form.Item name="regionPrefix" label={t('admin.catalog.regionPrefix')} rules={[required]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={props.regions.map((r) => ({ value: regionPrefix(r.code), label: `${r.name}（${regionPrefix(r.code)}）` }))}
        />
      </Form.Item>
      <Form.Item name="unitId" label={t('admin.catalog.unit')} rules={[required]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={flattenUnits(props.tree)
            .filter((u) => u.active)
            .map((u) => ({ value: u.id, label: u.name }))}
        />
      </Form.Item>
      <Form.Item name="assistUnitIds" label={t('adminExcel.catalog.assist')}>
        <Select
          mode="multiple"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={flattenUnits(props.tree)
            .filter((u) => u.active)
            .map((u) => ({ value: u.id, label: u.name }))}
        />
      </Form.Item>
      <Form.Item name="timeLimitDays" label={t('adminExcel.catalog.timeLimit')} extra={t('adminExcel.catalog.timeLimitHint')}>
        <InputNumber min={1} max={365} precision={0} suffix={t('adminExcel.catalog.workingDays')} style={{ width: 200 }} />
      </Form.Item>
    </FormDialog>
  );
}
