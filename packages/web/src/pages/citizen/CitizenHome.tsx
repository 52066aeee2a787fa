import { Card, Steps, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { CitizenShell } from '../../components/citizen/CitizenShell.tsx';
import { rememberLast4 } from '../../components/citizen/citizen-api.ts';
import { TrackForm } from '../../components/citizen/TrackForm.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { SubmitPage } from './SubmitPage.tsx';

/**
 * The citizen's front page (mobile first): the two big entries, submit a request
 * (`/?view=submit`) and track one, with the quick search right here and how a request travels.
 */
export function CitizenHome() {
  const [params] = useSearchParams();
  if (params.get('view') === 'submit') return <SubmitPage />;
  return <Home />;
}

function Home() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <CitizenShell view="home">
      <Card title={t('track')}>
        <TrackForm
          initial={{}}
          loading={false}
          onSearch={(v) => {
            // The digits go along in memory, not in the address.
            rememberLast4(v.trackingNo, v.phone);
            void navigate(`/track?no=${encodeURIComponent(v.trackingNo)}`);
          }}
        />
      </Card>
      <Card title={t('howItWorks')} style={{ marginTop: 16 }}>
        <Steps
          orientation="vertical"
          size="small"
          current={-1}
          items={[
            { title: t('howSubmit'), content: t('howSubmitText') },
            { title: t('howDispatch'), content: t('howDispatchText') },
            { title: t('howAnswer'), content: t('howAnswerText') },
            { title: t('howRate'), content: t('howRateText') },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0, fontSize: 12 }}>
          {t('timeLimitNote')}
        </Typography.Paragraph>
      </Card>
    </CitizenShell>
  );
}
