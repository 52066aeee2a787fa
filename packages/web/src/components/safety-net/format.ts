import type { MessageKey } from '../../i18n/messages.ts';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** A span of minutes in words: 35分钟, 1小时50分钟, 2天3小时 (35 min, 1 h 50 min, 2 d 3 h). */
export function formatMinutes(total: number | null | undefined, t: T): string {
  if (total === null || total === undefined || !Number.isFinite(total)) return '—';
  const m = Math.max(0, Math.round(total));
  const days = Math.floor(m / 1440);
  const hours = Math.floor((m % 1440) / 60);
  const minutes = m % 60;
  const parts: string[] = [];
  if (days > 0) parts.push(t('sn.span.days', { n: days }));
  if (hours > 0) parts.push(t('sn.span.hours', { n: hours }));
  // Minutes only matter under a day.
  if (days === 0 && (minutes > 0 || parts.length === 0)) parts.push(t('sn.span.minutes', { n: minutes }));
  return parts.join(t('sn.span.join'));
}

/** Hours with one decimal, as the coordination view reports them. */
export function formatHours(h: number | null | undefined, t: T): string {
  if (h === null || h === undefined || !Number.isFinite(h)) return '—';
  return formatMinutes(h * 60, t);
}
