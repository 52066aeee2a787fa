import type { ProjectView } from '@huiyin/core';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Col, Row, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { LoadError } from '../../../components/admin/LoadError.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Unanswered } from './components/UnansweredTable.tsx';
import { api } from '../../../api/client.ts';
import { AcceptDialog } from './project/AcceptDialog.tsx';
import { RecordAnswerDialog, SendAnswersDialog } from './project/AnswerDialogs.tsx';
import { AssignDialog } from './project/AssignDialog.tsx';
import { EditMilestonesDialog } from './project/EditMilestonesDialog.tsx';
import { ProjectHeader, type ProjectAction } from './project/ProjectHeader.tsx';
import { AcceptanceCard, AnswersCard, MilestonesCard, ReportsCard } from './project/ProjectSections.tsx';
import { ReportDialog } from './project/ReportDialog.tsx';
import { useQueryClient } from '@tanstack/react-query';
import { useApiMutation, useApiQuery } from '../../../api/query.ts';
import { lvKeys } from './lv-api.ts';

/**
 * A key project (重点民生项目): status, progress and lights; its milestones and reports; the
 * matters it answers and who is still waiting for an answer; and the steps the user may take
 * (交办, 签收, 报告进展, 答复, 验收销号) as the server's `can` flags allow.
 */
export function ProjectPage() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const id = Number(useParams()['id']);
  const [dialog, setDialog] = useState<ProjectAction | null>(null);
  const [recording, setRecording] = useState<Unanswered | null>(null);
  const loaded = useApiQuery<ProjectView>(['livelihood', 'project', id], `/api/v1/projects/${id}`);
  const p = loaded.data;
  const qc = useQueryClient();
  /** Dialogs closed without a step may still have changed the project (answers sent, photos uploaded). */
  const refresh = () => void Promise.all(lvKeys.project(id).map((queryKey) => qc.invalidateQueries({ queryKey })));
  const sign = useApiMutation(
    () => api<ProjectView>(`/api/v1/projects/${id}/sign`, { method: 'POST', body: {} }),
    lvKeys.project(id),
    () => ['livelihood', 'project', id],
  );

  /** A step done (its answer is the project now shown): close the dialog and say so. */
  const done = (_next: ProjectView, text = t('saved')) => {
    setDialog(null);
    setRecording(null);
    message.success(text);
  };

  function act(a: ProjectAction) {
    if (a !== 'sign') return setDialog(a);
    modal.confirm({
      title: t('lv.sign'),
      content: t('lv.signConfirm', { letter: p?.letterNo ?? '' }),
      okText: t('confirm'),
      cancelText: t('cancel'),
      onOk: async () => {
        try {
          done(await sign.mutateAsync(), t('lv.signed'));
        } catch (e) {
          message.error(e instanceof Error ? e.message : String(e));
        }
      },
    });
  }

  const canAnswer = p ? p.can.accept || p.can.edit : false;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link to={p ? `/admin/livelihood/lists/${p.listId}` : '/admin/livelihood'}>
        <ArrowLeftOutlined /> {t('lv.backToList')}
      </Link>
      {loaded.error && <LoadError error={loaded.error} onRetry={loaded.refetch} />}
      {!p && !loaded.error && <Skeleton active />}
      {p && (
        <>
          <ProjectHeader p={p} onAction={act} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <MilestonesCard p={p} />
            </Col>
            <Col xs={24} xl={10}>
              <ReportsCard p={p} />
            </Col>
          </Row>
          <AnswersCard p={p} onRecord={canAnswer ? setRecording : undefined} />
          <AcceptanceCard p={p} />
          {dialog === 'assign' && (
            <AssignDialog
              project={p}
              onCancel={() => setDialog(null)}
              onDone={(n) => done(n, t('lv.assign.done', { letter: n.letterNo ?? '' }))}
            />
          )}
          {dialog === 'report' && <ReportDialog project={p} onCancel={() => setDialog(null)} onDone={(n) => done(n)} />}
          {dialog === 'milestones' && <EditMilestonesDialog project={p} onCancel={() => setDialog(null)} onDone={(n) => done(n)} />}
          {dialog === 'answers' && (
            <SendAnswersDialog
              base={`/api/v1/projects/${p.id}/answers`}
              changes={lvKeys.project(p.id)}
              pending={p.originators.total - p.originators.answered}
              known={p.originators.unanswered}
              onClose={() => (setDialog(null), refresh())}
              onSent={() => undefined}
            />
          )}
          {dialog === 'accept' && (
            <AcceptDialog project={p} onCancel={() => (setDialog(null), refresh())} onDone={(n) => done(n, t('lv.accept.doneOk'))} />
          )}
          {recording && (
            <RecordAnswerDialog
              base={`/api/v1/projects/${p.id}`}
              changes={lvKeys.project(p.id)}
              answerKey={['livelihood', 'project', p.id]}
              originator={recording}
              onCancel={() => setRecording(null)}
              onDone={(n: ProjectView) => done(n)}
            />
          )}
        </>
      )}
    </Space>
  );
}
