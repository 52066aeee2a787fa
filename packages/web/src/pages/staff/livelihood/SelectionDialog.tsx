import { selectionSchema, type ListView, type ProjectListItem } from '@huiyin/core';
import { Checkbox, DatePicker, Form, Input, InputNumber, Select, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n.tsx';
import { lvKeys, valid } from './lv-api.ts';
import { api } from '../../../api/client.ts';
import { useApiMutation } from '../../../api/query.ts';
import { FormDialog } from '../../../components/FormDialog.tsx';

interface Score {
  votes: number;
  priority: number;
  peopleAffected: number;
  selected: boolean;
}

const fields = ['heldAt', 'attendees', 'notes'] as const;

/**
 * 遴选会: when it met, who attended, and per candidate project the votes, the priority (1 highest)
 * and the people it helps; the ones ticked are selected, the others dropped.
 */
export function SelectionDialog({
  list,
  projects,
  onCancel,
  onDone,
}: {
  list: ListView;
  projects: ProjectListItem[];
  onCancel: () => void;
  onDone: (l: ListView) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const record = useApiMutation(
    (body: unknown) => api<ListView>(`/api/v1/livelihood/lists/${list.id}/selection`, { method: 'POST', body }),
    lvKeys.lists,
  );
  const [scores, setScores] = useState<Record<number, Score>>(() =>
    Object.fromEntries(
      projects.map((p) => [
        p.id,
        {
          votes: p.score?.votes ?? 0,
          priority: p.score?.priority ?? 3,
          peopleAffected: p.score?.peopleAffected ?? p.originatorCount,
          selected: p.status === 'selected',
        },
      ]),
    ),
  );
  const patch = (id: number, s: Partial<Score>) => setScores((prev) => ({ ...prev, [id]: { ...prev[id]!, ...s } }));

  async function save(v: Record<string, unknown>) {
    const body = {
      heldAt: (v['heldAt'] as Dayjs | undefined)?.format(),
      attendees: v['attendees'],
      ...(v['notes'] ? { notes: v['notes'] } : {}),
      scores: projects.map((p) => ({
        projectId: p.id,
        votes: scores[p.id]!.votes,
        priority: scores[p.id]!.priority,
        peopleAffected: scores[p.id]!.peopleAffected,
      })),
      selectedIds: projects.filter((p) => scores[p.id]!.selected).map((p) => p.id),
    };
    const data = valid(form, selectionSchema, body, fields);
    onDone(await record.mutateAsync(data));
  }

  const chosen = projects.filter((p) => scores[p.id]?.selected).length;
  return (
    <FormDialog
      form={form}
      title={t('lv.selection.title')}
      width={900}
      fields={fields}
      initialValues={{
        heldAt: list.selection ? dayjs(list.selection.heldAt) : dayjs(),
        attendees: list.selection?.attendees,
        notes: list.selection?.notes ?? undefined,
      }}
      onSubmit={save}
      onCancel={onCancel}
      after={
        <>
          <Typography.Paragraph strong>{t('lv.selection.chosen', { n: chosen, total: projects.length })}</Typography.Paragraph>
          <Table<ProjectListItem>
            data-testid="selection-table"
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={projects}
            scroll={{ x: 720 }}
            columns={[
              {
                title: t('lv.selection.selected'),
                key: 'sel',
                width: 70,
                render: (_: unknown, p) => (
                  <Checkbox
                    checked={scores[p.id]!.selected}
                    onChange={(e) => patch(p.id, { selected: e.target.checked })}
                    aria-label={p.title}
                    data-testid="select-project"
                  />
                ),
              },
              { title: t('lv.project.title'), dataIndex: 'title' },
              {
                title: t('lv.selection.votes'),
                key: 'votes',
                width: 110,
                render: (_: unknown, p) => (
                  <InputNumber<number>
                    min={0}
                    max={100000}
                    precision={0}
                    value={scores[p.id]!.votes}
                    onChange={(v) => patch(p.id, { votes: v ?? 0 })}
                    aria-label={t('lv.selection.votes')}
                  />
                ),
              },
              {
                title: t('lv.selection.priority'),
                key: 'priority',
                width: 110,
                render: (_: unknown, p) => (
                  <Select
                    value={scores[p.id]!.priority}
                    onChange={(v: number) => patch(p.id, { priority: v })}
                    options={[1, 2, 3, 4, 5].map((n) => ({ value: n, label: String(n) }))}
                    style={{ width: 80 }}
                    aria-label={t('lv.selection.priority')}
                  />
                ),
              },
              {
                title: t('lv.selection.people'),
                key: 'people',
                width: 140,
                render: (_: unknown, p) => (
                  <InputNumber<number>
                    min={0}
                    max={100000000}
                    precision={0}
                    value={scores[p.id]!.peopleAffected}
                    onChange={(v) => patch(p.id, { peopleAffected: v ?? 0 })}
                    aria-label={t('lv.selection.people')}
                  />
                ),
              },
            ]}
          />
        </>
      }
    >
      <Form.Item name="heldAt" label={t('lv.selection.heldAt')} rules={[{ required: true, message: t('admin.required') }]}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
      </Form.Item>
      <Form.Item
        name="attendees"
        label={t('lv.selection.attendees')}
        rules={[{ required: true, whitespace: true, message: t('admin.required') }]}
      >
        <Input.TextArea rows={2} maxLength={1000} placeholder={t('lv.selection.attendeesHint')} />
      </Form.Item>
      <Form.Item name="notes" label={t('lv.selection.notes')}>
        <Input.TextArea rows={2} maxLength={4000} />
      </Form.Item>
    </FormDialog>
  );
}
