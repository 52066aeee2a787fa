import {
  adminCreateUserSchema,
  displayNameSchema,
  passwordSchema,
  phoneSchema,
  roles,
  roleListSchema,
  unitIdListSchema,
  updateUserSchema,
  userEmailSchema,
  userLangs,
  usernameSchema,
  type UserLang,
} from '@huiyin/core';
import { Alert, Form, Input, Select } from 'antd';
import { api, apiSend, type ApiRequest } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { checkWith, withoutEmpty, zodRule } from './forms.ts';
import { flattenUnits, type AdminUnit, type AdminUser } from './types.ts';
import { useApiMutation } from '../../api/query.ts';
import { FormDialog, passed } from '../FormDialog.tsx';

interface Values {
  username: string;
  displayName: string;
  password?: string;
  phone?: string;
  email?: string;
  lang?: UserLang;
  roles: string[];
  unitIds: number[];
}

function sameSet(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** Create a staff account, or change a user's name, phone, e-mail, notification language, roles and units. */
export function UserDialog(props: {
  editing?: AdminUser | undefined;
  tree: AdminUnit[];
  onDone: (u: AdminUser) => void;
  onCancel: () => void;
}) {
  const { editing, tree } = props;
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const save = useApiMutation((r: ApiRequest) => apiSend<AdminUser>(r), [['admin', 'users']]);
  const current = new Set(editing?.units.map((u) => u.id) ?? []);
  const unitOptions = flattenUnits(tree)
    .filter((u) => u.active || current.has(u.id))
    .map((u) => ({ value: u.id, label: u.name, disabled: !u.active && !current.has(u.id) }));
  const messages = {
    username: t('admin.users.usernameInvalid'),
    password: t('admin.users.passwordRule'),
    phone: t('admin.users.phoneRule'),
    email: t('admin.users.emailRule'),
  };

  async function onFinish(v: Values) {
    let request: ApiRequest;
    if (editing) {
      const phone = v.phone?.trim() ? v.phone : null;
      const email = v.email?.trim() || null;
      const userLang = v.lang ?? null;
      const body = {
        ...(v.displayName.trim() !== editing.displayName ? { displayName: v.displayName } : {}),
        ...(phone !== editing.phone ? { phone } : {}),
        ...(email !== editing.email ? { email } : {}),
        ...(userLang !== editing.lang ? { lang: userLang } : {}),
        ...(!sameSet(v.roles, editing.roles) ? { roles: v.roles } : {}),
        ...(!sameSet(v.unitIds, [...current]) ? { unitIds: v.unitIds } : {}),
      };
      if (Object.keys(body).length === 0) return props.onCancel();
      passed(checkWith(form, updateUserSchema, body, messages));
      request = { path: `/api/v1/admin/users/${editing.id}`, method: 'PATCH', body };
    } else {
      const body = withoutEmpty({ ...v, email: v.email?.trim() });
      passed(checkWith(form, adminCreateUserSchema, body, messages));
      request = { path: '/api/v1/admin/users', method: 'POST', body };
    }
    props.onDone(await save.mutateAsync(request));
  }

  const required = { required: true, message: t('admin.required') };
  return (
    <FormDialog
      form={form}
      title={editing ? `${t('admin.users.edit')} · ${editing.username}` : t('admin.users.add')}
      width={600}
      fields={['username', 'displayName', 'password', 'phone', 'email', 'lang', 'roles', 'unitIds']}
      initialValues={
        editing
          ? {
              username: editing.username,
              displayName: editing.displayName,
              phone: editing.phone ?? '',
              email: editing.email ?? '',
              lang: editing.lang ?? undefined,
              roles: editing.roles,
              unitIds: editing.units.map((u) => u.id),
            }
          : { roles: [], unitIds: [] }
      }
      onSubmit={onFinish}
      onCancel={props.onCancel}
    >
      <Form.Item
        name="username"
        label={t('admin.users.username')}
        rules={[required, zodRule(usernameSchema, messages.username)]}
        extra={editing ? undefined : t('admin.users.usernameRule')}
      >
        <Input disabled={Boolean(editing)} autoComplete="off" maxLength={32} autoFocus={!editing} />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('admin.users.displayName')}
        rules={[{ ...required, whitespace: true }, zodRule(displayNameSchema)]}
      >
        <Input maxLength={50} autoFocus={Boolean(editing)} />
      </Form.Item>
      {!editing && (
        <Form.Item
          name="password"
          label={t('admin.users.password')}
          extra={t('admin.users.initialPasswordHint')}
          rules={[required, zodRule(passwordSchema, messages.password)]}
        >
          <Input.Password autoComplete="new-password" maxLength={256} />
        </Form.Item>
      )}
      <Form.Item name="phone" label={t('admin.users.phone')} rules={[zodRule(phoneSchema, messages.phone)]}>
        <Input maxLength={32} />
      </Form.Item>
      <Form.Item
        name="email"
        label={t('admin.users.email')}
        extra={t('admin.users.emailHint')}
        rules={[zodRule(userEmailSchema, messages.email)]}
        normalize={(v: string) => v.trim()}
      >
        <Input type="email" maxLength={200} autoComplete="off" />
      </Form.Item>
      <Form.Item name="lang" label={t('admin.users.lang')} extra={t('admin.users.langHint')}>
        <Select
          allowClear
          placeholder={t('admin.users.langDefault')}
          options={userLangs.map((l) => ({ value: l, label: t(`admin.users.lang.${l}`) }))}
        />
      </Form.Item>
      <Form.Item name="roles" label={t('admin.users.roles')} rules={[required, zodRule(roleListSchema)]}>
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          options={roles.map((r) => ({ value: r, label: t(`admin.role.${r}` as MessageKey) }))}
        />
      </Form.Item>
      <Form.Item name="unitIds" label={t('admin.users.units')} rules={[required, zodRule(unitIdListSchema)]}>
        <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={unitOptions} />
      </Form.Item>
    </FormDialog>
  );
}

/** The admin sets a new password for a user; their sessions end. */
export function PasswordDialog(props: { user: AdminUser; onDone: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const reset = useApiMutation((password: string) =>
    api(`/api/v1/admin/users/${props.user.id}/password`, { method: 'PUT', body: { password } }),
  );

  async function onFinish(v: { password: string; confirm: string }) {
    await reset.mutateAsync(v.password);
    props.onDone();
  }

  return (
    <FormDialog
      form={form}
      title={t('admin.users.resetFor', { name: props.user.displayName })}
      fields={['password']}
      lead={<Alert type="info" showIcon title={t('admin.users.resetHint')} style={{ marginBottom: 16 }} />}
      onSubmit={onFinish}
      onCancel={props.onCancel}
    >
      <Form.Item
        name="password"
        label={t('admin.users.newPassword')}
        rules={[{ required: true, message: t('admin.required') }, zodRule(passwordSchema, t('admin.users.passwordRule'))]}
      >
        <Input.Password autoComplete="new-password" maxLength={256} autoFocus />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('admin.users.confirmPassword')}
        dependencies={['password']}
        rules={[
          { required: true, message: t('admin.required') },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('password')
                ? Promise.resolve()
                : Promise.reject(new Error(t('admin.users.passwordMismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={256} />
      </Form.Item>
    </FormDialog>
  );
}
