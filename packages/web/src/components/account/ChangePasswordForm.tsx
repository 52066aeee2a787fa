import { passwordProblems, passwordProblemText, passwordRuleHints, type PasswordProblemCode } from '@huiyin/core';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Change one's own password (current, new, confirm) with the level-3 rules as hints and checked before sending. */
export function ChangePasswordForm({ username, onChanged }: { username: string; onChanged: () => void | Promise<void> }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onFinish(v: Values) {
    setError(null);
    setBusy(true);
    try {
      await api('/api/v1/me/password', { method: 'POST', body: { currentPassword: v.currentPassword, newPassword: v.newPassword } });
      form.resetFields();
      await onChanged();
    } catch (e) {
      const field = e instanceof ApiError ? (e.details['fields'] as { path: string; code?: string }[] | undefined)?.[0] : undefined;
      if (field?.path === 'currentPassword') form.setFields([{ name: 'currentPassword', errors: [t('password.wrongCurrent')] }]);
      else if (field?.path === 'newPassword' && field.code)
        form.setFields([{ name: 'newPassword', errors: [passwordProblemText(field.code as PasswordProblemCode, lang)] }]);
      else setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} style={{ maxWidth: 400 }} data-testid="change-password">
      {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} showIcon />}
      <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        rules={[
          { required: true },
          {
            validator: async (_, value: string | undefined) => {
              const [problem] = value ? passwordProblems(value, username) : [];
              if (problem) throw new Error(passwordProblemText(problem, lang));
            },
          },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true },
          ({ getFieldValue }) => ({
            validator: async (_, value: string | undefined) => {
              if (value && value !== getFieldValue('newPassword')) throw new Error(t('password.mismatch'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('password.rules')}：{passwordRuleHints(lang).join('；')}
      </Typography.Paragraph>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('password.change')}
      </Button>
    </Form>
  );
}
