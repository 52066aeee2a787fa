import type { DeliveryRow } from './deliveries.repo.ts';

/**
 * One channel's way out. `send` resolves when the receiver has the message and throws when it
 * does not (the worker logs the error and schedules the retry); it must give up when `signal`
 * aborts (the attempt's time limit). The message id the receiver sees is `d.message_id`.
 */
export interface Sender {
  send(d: DeliveryRow, signal: AbortSignal): Promise<void>;
  close?(): Promise<void>;
}

/** An HTTP answer that is not 2xx, as an error message: status and the start of the body. */
export async function httpFailure(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  return `HTTP ${res.status}${text ? `: ${text.slice(0, 200)}` : ''}`;
}

/** A failed fetch as one line: the timeout, or the cause (ECONNREFUSED …) rather than "fetch failed". */
export function fetchFailure(e: unknown, signal: AbortSignal): string {
  if (signal.aborted) return `timeout: no answer within the time limit`;
  const err = e as { message?: string; cause?: { code?: string; message?: string } };
  const cause = err.cause?.code ?? err.cause?.message;
  return cause ? `${err.message ?? 'error'} (${cause})` : (err.message ?? String(e));
}

/** POST a JSON body; throws with a readable reason unless the answer is 2xx. */
export async function postJson(url: string, body: string, headers: Record<string, string>, signal: AbortSignal): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body, signal });
  } catch (e) {
    throw new Error(fetchFailure(e, signal), { cause: e });
  }
  if (res.status < 200 || res.status > 299) throw new Error(await httpFailure(res));
  await res.body?.cancel().catch(() => undefined);
}
