import type { ProjectView } from '@huiyin/core';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Col, Row, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { LoadError } from '../../../components/admin/LoadError.tsx';
import { useLoad } from '../../../components/admin/useLoad.ts';
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

/**
 * A key project (重点民生项目): status, progress and lights; its milestones and reports; the
 * matters it answers and who is still waiting for an answer; and the steps the user may take
 * (交办, 签收, 报告进展, 答复, 验收销号) as the server's `can` flags allow.
 */
export function ProjectPage() {
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const id = Number(useParams()['id']);
  const [dialog, setDialog] = useState<ProjectAction | null>(null);
  const [recording, setRecording] = useState<Unanswered | null>(null);
  const [fresh, setFresh] = useState<ProjectView | null>(null);
  const loaded = useLoad(() => api<ProjectView>(`/api/v1/projects/${id}`).then((p) => (setFresh(null), p)), [id, lang]);
  const p = fresh ?? loaded.data;

  /** A step answered with the project: show it at once. */
  const done = (next: ProjectView, text = t('saved')) => {
    setFresh(next);
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
          done(await api<ProjectView>(`/api/v1/projects/${id}/sign`, { method: 'POST', body: {} }), t('lv.signed'));
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
      {loaded.error && <LoadError error={loaded.error} onRetry={loaded.reload} />}
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
              base={`/projects/${p.id}/answers`}
              pending={p.originators.total - p.originators.answered}
              known={p.originators.unanswered}
              onClose={() => (setDialog(null), loaded.reload())}
              onSent={() => undefined}
            />
          )}
          {dialog === 'accept' && (
            <AcceptDialog project={p} onCancel={() => (setDialog(null), loaded.reload())} onDone={(n) => done(n, t('lv.accept.doneOk'))} />
          )}
          {recording && (
            <RecordAnswerDialog
              base={`/projects/${p.id}`}
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
