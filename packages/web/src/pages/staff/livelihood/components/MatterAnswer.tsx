import type { MatterView } from '@huiyin/core';
import { Button, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../../i18n/i18n.tsx';
import { RecordAnswerDialog, SendAnswersDialog } from '../project/AnswerDialogs.tsx';
import type { Unanswered } from './UnansweredTable.tsx';
import { lvKeys } from '../lv-api.ts';

/**
 * 个个有回音 for a matter that is no key project: 答复反映人 sends one answer to everyone the outbox
 * reaches; the others are answered in person and recorded one by one (see `recordAction`).
 */
export function useMatterAnswer(m: MatterView | undefined, manage: boolean) {
  const { t } = useI18n();
  const [sending, setSending] = useState(false);
  const [recording, setRecording] = useState<Unanswered | null>(null);
  const open = manage && m !== undefined && m.status === 'open' && m.project === null;
  const unanswered: Unanswered[] = m
    ? m.originators.filter((o) => o.answeredAt === null).map((o) => ({ ...o, matterId: m.id, matterTitle: m.title }))
    : [];

  const button =
    open && unanswered.length > 0 ? (
      <Button type="primary" onClick={() => setSending(true)} data-testid="matter-answer">
        {t('lv.answer.title')}
      </Button>
    ) : null;

  const recordAction = (o: { id: number; answeredAt: string | null; reachable: boolean }) =>
    open && o.answeredAt === null && !o.reachable ? (
      <Space>
        <Button size="small" onClick={() => setRecording(unanswered.find((u) => u.id === o.id) ?? null)} data-testid="matter-record-answer">
          {t('lv.record.title')}
        </Button>
      </Space>
    ) : null;

  const dialogs = m ? (
    <>
      {sending && (
        <SendAnswersDialog
          base={`/api/v1/matters/${m.id}/answer`}
          changes={lvKeys.matters}
          pending={unanswered.length}
          known={unanswered}
          onClose={() => setSending(false)}
          onSent={() => undefined}
        />
      )}
      {recording && (
        <RecordAnswerDialog<MatterView>
          base={`/api/v1/matters/${m.id}`}
          changes={lvKeys.matters}
          originator={recording}
          onCancel={() => setRecording(null)}
          onDone={() => setRecording(null)}
        />
      )}
    </>
  ) : null;

  /** Some unanswered originator can only be answered in person: show the record column. */
  const recordingNeeded = open && unanswered.some((o) => !o.reachable);
  return { button, recordAction, dialogs, recordColumn: recordingNeeded };
}
