import { ProjectOutlined, RightOutlined } from '@ant-design/icons';
import { Card, Steps, Typography, theme } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
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
  const { token } = theme.useToken();
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
      <Link to="/projects" data-testid="home-projects-link" style={{ display: 'block', marginTop: 16 }}>
        <Card hoverable styles={{ body: { display: 'flex', alignItems: 'center', gap: 12, padding: 16 } }}>
          <ProjectOutlined aria-hidden style={{ fontSize: 28, color: token.colorPrimary }} />
          <span style={{ flex: 1, minWidth: 0 }}>
            <span style={{ display: 'block', fontSize: 16, fontWeight: 600 }}>{t('pub.home.link')}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('pub.home.hint')}
            </Typography.Text>
          </span>
          <RightOutlined aria-hidden />
        </Card>
      </Link>
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
