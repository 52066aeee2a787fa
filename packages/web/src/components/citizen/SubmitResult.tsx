import { CheckCircleFilled } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Typography, theme } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { formatTime, useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import type { Submitted } from './citizen-api.ts';
import { CopyButton } from './CopyButton.tsx';

export interface PhotoOutcome {
  count: number;
  error: string | null;
}

/**
 * After a request went in: the tracking number, large and copyable, the answer deadline, the
 * photos' fate (with a retry while the upload window is open) and the way to track it.
 */
export function SubmitResult({
  submitted,
  type,
  photos,
  onRetryPhotos,
  onAnother,
}: {
  submitted: Submitted;
  type: string;
  photos: PhotoOutcome;
  onRetryPhotos: () => Promise<void>;
  onAnother: () => void;
}) {
  const { t, lang } = useI18n();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const [retrying, setRetrying] = useState(false);
  const no = submitted.trackingNo;

  return (
    <Card>
      <Flex vertical align="center" gap={8} style={{ textAlign: 'center' }}>
        <CheckCircleFilled style={{ fontSize: 48, color: token.colorSuccess }} aria-hidden />
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('submittedTitle')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('submittedHint')}</Typography.Text>
        <div
          style={{
            width: '100%',
            marginTop: 8,
            padding: '12px 8px',
            borderRadius: token.borderRadiusLG,
            background: token.colorPrimaryBg,
            border: `1px dashed ${token.colorPrimaryBorder}`,
          }}
        >
          <div style={{ fontSize: 13, color: token.colorTextSecondary }}>{t('trackingNo')}</div>
          <div
            data-testid="tracking-no"
            style={{
              fontSize: 'clamp(18px, 6.4vw, 32px)',
              fontWeight: 700,
              fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
              whiteSpace: 'nowrap',
              color: token.colorPrimary,
              userSelect: 'all',
            }}
          >
            {no}
          </div>
          <div style={{ marginTop: 8 }}>
            <CopyButton text={no} label={t('trackingNo')} />
          </div>
        </div>
      </Flex>
      <Descriptions
        column={1}
        size="small"
        style={{ marginTop: 16 }}
        items={[
          { key: 'type', label: t('type'), children: t(`type.${type}` as MessageKey) },
          { key: 'createdAt', label: t('submittedAt'), children: formatTime(submitted.createdAt, lang) },
          {
            key: 'answerBy',
            label: t('answerBy'),
            children: <Typography.Text strong>{formatTime(submitted.answerBy, lang)}</Typography.Text>,
          },
          ...(photos.count > 0 && photos.error === null
            ? [{ key: 'photos', label: t('photosLabel'), children: t('photosSent', { n: photos.count }) }]
            : []),
        ]}
      />
      {photos.error !== null && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title={t('photosFailed')}
          description={photos.error}
          action={
            <Button
              size="small"
              loading={retrying}
              onClick={() => {
                setRetrying(true);
                void onRetryPhotos().finally(() => setRetrying(false));
              }}
            >
              {t('retry')}
            </Button>
          }
        />
      )}
      <Flex vertical gap={8} style={{ marginTop: 16 }}>
        <Button type="primary" size="large" block onClick={() => void navigate(`/track?no=${encodeURIComponent(no)}`)}>
          {t('trackThis')}
        </Button>
        <Button size="large" block onClick={onAnother}>
          {t('submitAnother')}
        </Button>
      </Flex>
    </Card>
  );
}
