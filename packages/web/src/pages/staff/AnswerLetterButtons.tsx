import { FilePdfOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { downloadUrl } from '../../api/client.ts';
import type { CaseDetail } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** An answer given (published), or a refusal (不予受理) the supervisor approved. */
export function hasAnswerLetter(c: CaseDetail): boolean {
  if (c.channel === 'safety_net') return false; // the safety-net panel offers the window's own letter
  if (c.reply?.repliedAt) return true;
  return (
    c.status === 'closed' && c.timeline.some((e) => e.action === 'reviewReply' && e.payload['approve'] === true && 'refusal' in e.payload)
  );
}

/** 打印答复意见书: the staff copy (存档联, with the internal notes) and the citizen copy (诉求人联, the name masked). */
export function AnswerLetterButtons({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  if (!hasAnswerLetter(c)) return null;
  const url = (copy: 'staff' | 'citizen') => downloadUrl(`/api/v1/cases/${c.id}/answer.pdf`, { copy });
  return (
    <Space.Compact size="small">
      <Button icon={<FilePdfOutlined />} href={url('staff')} target="_blank" rel="noopener" data-testid="answer-letter-staff">
        {t('papers.answerLetterStaff')}
      </Button>
      <Button href={url('citizen')} target="_blank" rel="noopener" data-testid="answer-letter-citizen">
        {t('papers.answerLetterCitizen')}
      </Button>
    </Space.Compact>
  );
}
