import { Alert, Skeleton } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useApiQuery } from '../../api/query.ts';
import { CitizenShell } from '../../components/citizen/CitizenShell.tsx';
import type { Tracked } from '../../components/citizen/citizen-api.ts';
import { TrackResult } from '../../components/citizen/TrackResult.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * The one-time follow-up link sent by SMS with the answer (/f/:token): the request and its answer,
 * and the rating form; no tracking number or phone to type. After rating, the link is spent.
 */
export function FollowUpPage() {
  const { t } = useI18n();
  const { token = '' } = useParams();
  // A spent or unknown link is an answer, not a hiccup: asked once.
  const followUp = useApiQuery<Tracked>(['follow-up', token], `/api/v1/follow-up/${encodeURIComponent(token)}`, { retry: false });
  const [ratedAs, setRatedAs] = useState<Tracked | null>(null);
  const rated = ratedAs !== null;
  const data = ratedAs ?? followUp.data ?? null;
  const loading = followUp.isFetching;
  const e = followUp.error;
  const failure = e ? { status: e instanceof ApiError ? e.status : 0, message: e.message } : null;
  const load = () => followUp.refetch();

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
          onRated={(v) => setRatedAs({ ...v, canRate: false })}
        />
      )}
    </CitizenShell>
  );
}
