import { Alert, Button, Card, Skeleton, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../api/client.ts';
import { CitizenShell } from '../../components/citizen/CitizenShell.tsx';
import { recallLast4, rememberLast4, type Tracked } from '../../components/citizen/citizen-api.ts';
import { TrackForm, type TrackValues } from '../../components/citizen/TrackForm.tsx';
import { TrackResult } from '../../components/citizen/TrackResult.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

type Failure = { kind: 'notFound' | 'tooMany' | 'other'; message: string };

/**
 * Citizen page (mobile-first): track a request by number and the last 4 digits of the phone,
 * read the answer and rate it. `/track?no=...&phone=1234` opens filled in and searches; the
 * digits are then taken out of the address (replaced, so they stay out of the history too).
 */
export function TrackPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const [initial] = useState<Partial<TrackValues>>(() => {
    const no = params.get('no')?.trim() ?? '';
    const phone = params.get('phone')?.trim() || (no ? recallLast4(no) : undefined);
    return { ...(no ? { trackingNo: no } : {}), ...(phone ? { phone } : {}) };
  });
  const [query, setQuery] = useState<TrackValues | null>(null);
  const [result, setResult] = useState<Tracked | null>(null);
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const started = useRef(false);
  const qc = useQueryClient();

  async function search(v: TrackValues) {
    setLoading(true);
    setFailure(null);
    setQuery(v);
    try {
      // Each search asks the server again (the case may have moved on since).
      const data = await qc.fetchQuery({
        queryKey: ['track', v.trackingNo, v.phone],
        queryFn: ({ signal }) =>
          api<Tracked>(`/api/v1/track/${encodeURIComponent(v.trackingNo)}?phone=${encodeURIComponent(v.phone)}`, { signal }),
        staleTime: 0,
      });
      setResult(data);
      rememberLast4(v.trackingNo, v.phone);
    } catch (e) {
      setResult(null);
      if (e instanceof ApiError && e.status === 404) setFailure({ kind: 'notFound', message: t('notFound') });
      else if (e instanceof ApiError && e.status === 429) setFailure({ kind: 'tooMany', message: t('tooManyTries') });
      else setFailure({ kind: 'other', message: e instanceof Error ? e.message : t('loadFailed') });
    } finally {
      setLoading(false);
    }
    // The number stays in the address (a reload or a bookmark finds it); the digits never do.
    if (params.get('no') !== v.trackingNo || params.has('phone')) setParams({ no: v.trackingNo }, { replace: true });
  }

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (/^\d{6}-\d{4}-\d{6}$/.test(initial.trackingNo ?? '') && /^\d{4}$/.test(initial.phone ?? '')) {
      void search({ trackingNo: initial.trackingNo!, phone: initial.phone! });
    } else if (params.has('phone')) {
      setParams(initial.trackingNo ? { no: initial.trackingNo } : {}, { replace: true });
    }
    // Once, with what the page was opened with.
  }, []);

  return (
    <CitizenShell view="track" title="track">
      <Card title={t('track')}>
        <Typography.Paragraph type="secondary">{t('trackIntro')}</Typography.Paragraph>
        <TrackForm initial={initial} loading={loading} onSearch={(v) => void search(v)} />
      </Card>
      <div style={{ marginTop: 16 }} aria-live="polite" aria-busy={loading}>
        {failure && (
          <Alert
            type={failure.kind === 'other' ? 'error' : 'warning'}
            showIcon
            title={failure.kind === 'other' ? t('trackFailed') : failure.message}
            {...(failure.kind === 'other' ? { description: failure.message } : {})}
            action={
              failure.kind === 'other' && query ? (
                <Button size="small" onClick={() => void search(query)}>
                  {t('retry')}
                </Button>
              ) : undefined
            }
          />
        )}
        {loading && !result && (
          <Card>
            <Skeleton active />
          </Card>
        )}
        {result && query && (
          <TrackResult data={result} last4={query.phone} loading={loading} onRefresh={() => void search(query)} onRated={setResult} />
        )}
      </div>
    </CitizenShell>
  );
}
