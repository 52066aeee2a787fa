import { barrierPatchSchema, barrierStatuses } from '@huiyin/core';
import { LedgerTable, trackingNoColumn } from '../../../components/LedgerTable.tsx';
import { App, Button, Input, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { formatTime, useI18n } from '../../../i18n/i18n.tsx';
import type { MessageKey } from '../../../i18n/messages.ts';
import type { Barrier } from './analysis-types.ts';
import { useApiQuery, useApiMutation } from '../../../api/query.ts';

const statusColour: Record<Barrier['status'], string> = { open: 'red', proposed: 'gold', adopted: 'green', declined: 'default' };

type Draft = { proposal: string; status: Barrier['status']; policyName: string };

/** 政策堵点台账: matters that the rules themselves block, with the proposal for policy review and where it stands; edited in the row. */
export function BarriersTab() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const list = useApiQuery<{ items: Barrier[] }>(['safety-net', 'barriers'], '/api/v1/safety-net/barriers');
  const [editing, setEditing] = useState<number | null>(null);
  const [draft, setDraft] = useState<Draft>({ proposal: '', status: 'open', policyName: '' });
  const patch = useApiMutation(
    ({ id, body }: { id: number; body: unknown }) => api(`/api/v1/safety-net/barriers/${id}`, { method: 'PATCH', body }),
    [['safety-net', 'barriers']],
  );
  const [busy, setBusy] = useState(false);

  function edit(b: Barrier) {
    setEditing(b.id);
    setDraft({ proposal: b.proposal ?? '', status: b.status, policyName: b.policyName ?? '' });
  }

  async function save(b: Barrier) {
    const body: Record<string, unknown> = { status: draft.status };
    if (draft.proposal.trim()) body['proposal'] = draft.proposal.trim();
    if (draft.policyName.trim()) body['policyName'] = draft.policyName.trim();
    const check = barrierPatchSchema.safeParse(body);
    if (!check.success) {
      message.error(check.error.issues[0]?.message ?? 'invalid');
      return;
    }
    setBusy(true);
    try {
      await patch.mutateAsync({ id: b.id, body: check.data });
      message.success(t('saved'));
      setEditing(null);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <LedgerTable<Barrier>
        list={list}
        hint={t('sna.barriersHint')}
        x={1280}
        columns={[
          trackingNoColumn(t('trackingNo'), 170, (b) => b.caseId),
          { title: t('sn.matterName'), dataIndex: 'matterName', width: 150 },
          {
            title: t('sn.finding'),
            dataIndex: 'finding',
            width: 240,
            render: (v: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span>,
          },
          {
            title: t('sna.policyName'),
            dataIndex: 'policyName',
            width: 200,
            render: (v: string | null, b) =>
              editing === b.id ? (
                <Input
                  value={draft.policyName}
                  maxLength={200}
                  onChange={(e) => setDraft({ ...draft, policyName: e.target.value })}
                  aria-label={t('sna.policyName')}
                />
              ) : (
                (v ?? '—')
              ),
          },
          {
            title: t('sna.proposal'),
            dataIndex: 'proposal',
            render: (v: string | null, b) =>
              editing === b.id ? (
                <Input.TextArea
                  value={draft.proposal}
                  rows={3}
                  maxLength={4000}
                  onChange={(e) => setDraft({ ...draft, proposal: e.target.value })}
                  aria-label={t('sna.proposal')}
                />
              ) : (
                <span style={{ whiteSpace: 'pre-wrap' }}>{v ?? '—'}</span>
              ),
          },
          {
            title: t('status'),
            dataIndex: 'status',
            width: 130,
            render: (s: Barrier['status'], b) =>
              editing === b.id ? (
                <Select
                  value={draft.status}
                  onChange={(v: Barrier['status']) => setDraft({ ...draft, status: v })}
                  options={barrierStatuses.map((x) => ({ value: x, label: t(`sna.barrier.${x}` as MessageKey) }))}
                  style={{ width: 110 }}
                  aria-label={t('status')}
                />
              ) : (
                <Tag color={statusColour[s]}>{t(`sna.barrier.${s}` as MessageKey)}</Tag>
              ),
          },
          { title: t('sna.updatedAt'), dataIndex: 'updatedAt', width: 160, render: (v: string) => formatTime(v, lang) },
          {
            title: t('admin.actions'),
            key: 'actions',
            width: 120,
            fixed: 'right',
            render: (_: unknown, b) =>
              editing === b.id ? (
                <Space size={0}>
                  <Button type="link" size="small" loading={busy} onClick={() => void save(b)}>
                    {t('save')}
                  </Button>
                  <Button type="link" size="small" onClick={() => setEditing(null)}>
                    {t('cancel')}
                  </Button>
                </Space>
              ) : (
                <Button type="link" size="small" onClick={() => edit(b)} disabled={editing !== null}>
                  {t('admin.edit')}
                </Button>
              ),
          },
        ]}
      />
    </>
  );
}
