import { Alert, App, Button, Checkbox, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { PeopleImportReport } from '@huiyin/core';
import { AdminExcel } from '../../components/admin/AdminExcel.tsx';
import { ConfirmLink } from '../../components/admin/ConfirmLink.tsx';
import { OneTimePasswords } from '../../components/admin/OneTimePasswords.tsx';
import { useMemo, useState } from 'react';
import { api, query } from '../../api/client.ts';
import { useSession } from '../../api/session.tsx';
import { explain } from '../../components/admin/forms.ts';
import { LoadError } from '../../components/admin/LoadError.tsx';
import { flattenUnits, type AdminUnit, type AdminUser } from '../../components/admin/types.ts';
import { PasswordDialog, UserDialog } from '../../components/admin/UserDialog.tsx';
import { formatTime, useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { useApiQuery, keepPreviousData, useApiMutation } from '../../api/query.ts';

type Dialog = { mode: 'create' } | { mode: 'edit'; user: AdminUser } | { mode: 'password'; user: AdminUser } | null;

interface Filters {
  q: string;
  unitId: number | undefined;
  active: 'true' | 'false' | undefined;
  page: number;
  pageSize: number;
}

/**
 * 用户与角色, the security admin's page (三员分立): the staff accounts of their regions; create
 * (the user changes the initial password at the first sign-in), edit roles, units, e-mail and
 * notification language, deactivate, reset the password, unlock an account locked by failed
 * sign-ins, end every session. Badges show a lock, the second factor and a pending password change.
 */
export function UsersPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { me } = useSession();
  const [filters, setFilters] = useState<Filters>({ q: '', unitId: undefined, active: undefined, page: 1, pageSize: 20 });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [bySms, setBySms] = useState(false);
  const [oneTimePasswords, setOneTimePasswords] = useState<PeopleImportReport['oneTimePasswords'] | null>(null);
  const units = useApiQuery<{ items: AdminUnit[] }>(['admin', 'units'], '/api/v1/admin/units');
  const users = useApiQuery<{ items: AdminUser[]; total: number }>(
    ['admin', 'users', filters],
    `/api/v1/admin/users${query({ page: filters.page, pageSize: filters.pageSize, q: filters.q, unitId: filters.unitId, active: filters.active })}`,
    { placeholderData: keepPreviousData },
  );
  const tree = useMemo(() => units.data?.items ?? [], [units.data]);

  const patchUser = useApiMutation(
    ({ u, active }: { u: AdminUser; active: boolean }) => api(`/api/v1/admin/users/${u.id}`, { method: 'PATCH', body: { active } }),
    [['admin', 'users']],
  );

  const unlock = useApiMutation(
    (u: AdminUser) => api<AdminUser>(`/api/v1/admin/users/${u.id}/unlock`, { method: 'POST' }),
    [['admin', 'users']],
  );
  const endSessions = useApiMutation(
    (u: AdminUser) => api<{ sessionsEnded: number }>(`/api/v1/admin/users/${u.id}/sessions`, { method: 'DELETE' }),
    [['admin', 'users']],
  );

  async function run<T>(work: () => Promise<T>, done: (r: T) => string) {
    try {
      message.success(done(await work()));
    } catch (e) {
      message.error(explain(e, t));
    }
  }

  async function setActive(u: AdminUser, active: boolean) {
    try {
      await patchUser.mutateAsync({ u, active });
      message.success(active ? t('admin.reactivated') : t('admin.deactivated'));
    } catch (e) {
      message.error(explain(e, t));
    }
  }

  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 16, gap: 16 }}>
        <Space wrap>
          <Input.Search
            aria-label={t('admin.users.searchHint')}
            placeholder={t('admin.users.searchHint')}
            allowClear
            style={{ width: 240 }}
            onSearch={(q) => setFilters((f) => ({ ...f, q: q.trim(), page: 1 }))}
          />
          <Select
            aria-label={t('admin.users.units')}
            placeholder={t('admin.users.allUnits')}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 260 }}
            value={filters.unitId}
            onChange={(unitId?: number) => setFilters((f) => ({ ...f, unitId, page: 1 }))}
            options={flattenUnits(tree).map((u) => ({ value: u.id, label: u.name }))}
          />
          <Select
            aria-label={t('admin.state')}
            placeholder={t('admin.allStates')}
            allowClear
            style={{ width: 140 }}
            value={filters.active}
            onChange={(active?: 'true' | 'false') => setFilters((f) => ({ ...f, active, page: 1 }))}
            options={[
              { value: 'true', label: t('admin.active') },
              { value: 'false', label: t('admin.inactive') },
            ]}
          />
        </Space>
        <Button type="primary" disabled={!units.data} onClick={() => setDialog({ mode: 'create' })}>
          {t('admin.users.add')}
        </Button>
      </div>
      <Alert type="info" showIcon title={t('admin.users.officerHint')} style={{ marginBottom: 16 }} />
      <AdminExcel<PeopleImportReport>
        base="/api/v1/admin/users"
        files={{ template: 'adminExcel.peopleTemplateFile' }}
        invalidate={[['admin', 'users']]}
        testId="people-excel"
        onApplied={(r) => setOneTimePasswords(r.oneTimePasswords)}
        applyParams={bySms ? '&sms=true' : ''}
      >
        <Checkbox checked={bySms} onChange={(e) => setBySms(e.target.checked)} data-testid="people-excel-sms">
          {t('adminExcel.otp.smsOption')}
        </Checkbox>
      </AdminExcel>
      <OneTimePasswords list={oneTimePasswords} onClose={() => setOneTimePasswords(null)} />
      {users.error && <LoadError error={users.error} onRetry={users.refetch} />}
      {units.error && <LoadError error={units.error} onRetry={units.refetch} />}
      <Table<AdminUser>
        rowKey="id"
        scroll={{ x: 1500 }}
        size="middle"
        loading={users.isFetching}
        dataSource={users.data?.items ?? []}
        locale={{ emptyText: t('empty') }}
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: users.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t('admin.users.total', { n }),
          onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
        }}
        columns={[
          { title: t('admin.users.username'), dataIndex: 'username', width: 130, fixed: 'left' },
          {
            title: t('admin.users.displayName'),
            dataIndex: 'displayName',
            width: 180,
            render: (v: string, u) => (
              <>
                {v} {u.id === me?.id && <Tag color="blue">{t('admin.users.you')}</Tag>}
                {u.lockedUntil && (
                  <Tooltip title={t('admin.users.lockedUntil', { time: formatTime(u.lockedUntil, lang) })}>
                    <Tag color="red">🔒 {t('admin.users.locked')}</Tag>
                  </Tooltip>
                )}
                {u.totpEnabled && <Tag color="green">{t('admin.users.totp')}</Tag>}
                {u.mustChangePassword && <Tag color="orange">{t('admin.users.mustChange')}</Tag>}
              </>
            ),
          },
          {
            title: t('admin.users.roles'),
            dataIndex: 'roles',
            width: 200,
            render: (rs: string[]) =>
              rs.map((r) => (
                <Tag key={r} color={r === 'admin' || r === 'security_admin' || r === 'auditor' ? 'red' : 'default'}>
                  {t(`admin.role.${r}` as MessageKey)}
                </Tag>
              )),
          },
          {
            title: t('admin.users.units'),
            dataIndex: 'units',
            width: 240,
            render: (us: AdminUser['units']) => us.map((u) => (u.active ? u.name : `${u.name}（${t('admin.inactive')}）`)).join('、'),
          },
          { title: t('admin.users.phone'), dataIndex: 'phone', width: 130, render: (p: string | null) => p ?? '—' },
          { title: t('admin.users.email'), dataIndex: 'email', width: 160, ellipsis: true, render: (e: string | null) => e ?? '—' },
          {
            title: t('admin.users.langShort'),
            dataIndex: 'lang',
            width: 90,
            render: (l: AdminUser['lang']) => t(`admin.users.lang.${l ?? 'zh'}`),
          },
          {
            title: t('admin.state'),
            dataIndex: 'active',
            width: 90,
            render: (a: boolean) => (a ? <Tag color="green">{t('admin.active')}</Tag> : <Tag>{t('admin.inactive')}</Tag>),
          },
          {
            title: t('admin.actions'),
            key: 'actions',
            width: 290,
            fixed: 'right',
            render: (_: unknown, u) => (
              <Space size={0}>
                <Button type="link" size="small" disabled={!units.data} onClick={() => setDialog({ mode: 'edit', user: u })}>
                  {t('admin.edit')}
                </Button>
                {u.id !== me?.id && (
                  <Button type="link" size="small" onClick={() => setDialog({ mode: 'password', user: u })}>
                    {t('admin.users.resetPassword')}
                  </Button>
                )}
                {u.lockedUntil && (
                  <Button
                    type="link"
                    size="small"
                    onClick={() =>
                      void run(
                        () => unlock.mutateAsync(u),
                        () => t('admin.users.unlocked'),
                      )
                    }
                  >
                    {t('admin.users.unlock')}
                  </Button>
                )}
                {u.id !== me?.id && (
                  <ConfirmLink
                    title={t('admin.users.confirmEndSessions', { name: u.displayName })}
                    onConfirm={() =>
                      run(
                        () => endSessions.mutateAsync(u),
                        (r) => t('admin.users.sessionsEnded', { n: r.sessionsEnded }),
                      )
                    }
                  >
                    {t('admin.users.endSessions')}
                  </ConfirmLink>
                )}
                {u.id !== me?.id &&
                  (u.active ? (
                    <ConfirmLink
                      title={t('admin.confirmDeactivate', { name: u.displayName })}
                      description={
                        <Typography.Text style={{ maxWidth: 300, display: 'block' }}>{t('admin.users.deactivateHint')}</Typography.Text>
                      }
                      onConfirm={() => setActive(u, false)}
                      danger
                    >
                      {t('admin.deactivate')}
                    </ConfirmLink>
                  ) : (
                    <ConfirmLink title={t('admin.confirmReactivate', { name: u.displayName })} onConfirm={() => setActive(u, true)}>
                      {t('admin.reactivate')}
                    </ConfirmLink>
                  ))}
              </Space>
            ),
          },
        ]}
      />
      {(dialog?.mode === 'create' || dialog?.mode === 'edit') && (
        <UserDialog
          editing={dialog.mode === 'edit' ? dialog.user : undefined}
          tree={tree}
          onCancel={() => setDialog(null)}
          onDone={() => {
            message.success(dialog.mode === 'create' ? t('admin.users.createdMustChange') : t('saved'));
            setDialog(null);
          }}
        />
      )}
      {dialog?.mode === 'password' && (
        <PasswordDialog
          user={dialog.user}
          onCancel={() => setDialog(null)}
          onDone={() => {
            message.success(t('admin.users.resetDone'));
            setDialog(null);
          }}
        />
      )}
    </>
  );
}
