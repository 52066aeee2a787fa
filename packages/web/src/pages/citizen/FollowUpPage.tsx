import { Alert, Skeleton } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError, api } from '../../api/client.ts';
import { CitizenShell } from '../../components/citizen/CitizenShell.tsx';
import type { Tracked } from '../../components/citizen/citizen-api.ts';
import { TrackResult } from '../../components/citizen/TrackResult.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * The one-time follow-up link sent by SMS with the answer (/f/:token): the request and its answer,
 * and the rating form; no tracking number or phone to type. After rating, the link is spent.
 */
export function FollowUpPage() {
  const { t, lang } = useI18n();
  const { token = '' } = useParams();
  const [data, setData] = useState<Tracked | null>(null);
  const [failure, setFailure] = useState<{ status: number; message: string } | null>(null);
  const [loading, setLoading] = useState(true);
  const [rated, setRated] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setData(await api<Tracked>(`/api/v1/follow-up/${encodeURIComponent(token)}`));
      setFailure(null);
    } catch (e) {
      setFailure({ status: e instanceof ApiError ? e.status : 0, message: e instanceof Error ? e.message : String(e) });
    } finally {
      setLoading(false);
    }
  }, [token, lang]);

  useEffect(() => {
    void load();
  }, [load]);

  const why =
    failure === null
      ? null
      : failure.status === 409
        ? t('followUp.used')
        : failure.status === 410
          ? t('followUp.expired')
          : failure.status === 404 || failure.status === 400
            ? t('followUp.unknown')
            : failure.message;

  return (
    <CitizenShell view="track" title="followUp.title">
      {loading && !data && <Skeleton active />}
      {rated && <Alert type="success" showIcon title={t('followUp.thanks')} style={{ marginBottom: 16 }} data-testid="follow-up-thanks" />}
      {!rated && why && (
        <Alert
          type={failure?.status === 409 ? 'info' : 'warning'}
          showIcon
          title={why}
          description={t('followUp.trackInstead')}
          data-testid="follow-up-refused"
        />
      )}
      {data && (
        <TrackResult
          data={data}
          last4={null}
          loading={loading}
          onRefresh={() => void load()}
          rateUrl={`/api/v1/follow-up/${encodeURIComponent(token)}`}
          onRated={(v) => {
            setData({ ...v, canRate: false });
            setRated(true);
          }}
        />
      )}
    </CitizenShell>
  );
}
