/**
 * The one fetch client of the web: JSON in, JSON out (or a multipart form in, or a file out), the
 * API's error shape turned into an ApiError. The language of the answers (error messages, names)
 * is the UI language, set by the i18n provider; no call site passes it.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Field errors of a validation failure: where and what. */
    readonly fields: { path: string; message: string }[] = [],
    /** The error's other details (the 409 of an acceptance lists who is still unanswered). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

type ApiLang = 'zh' | 'en';
let currentLang: ApiLang = 'zh';

/** The UI language the API answers in; the i18n provider sets it whenever the language changes. */
export function setApiLang(lang: ApiLang): void {
  currentLang = lang;
}

export interface ApiInit {
  method?: string;
  /** A JSON body. */
  body?: unknown;
  /** A multipart body (uploads); sent as it is. */
  form?: FormData;
  signal?: AbortSignal | undefined;
  /** A request no person asked for (a list polled every 30 s): it does not keep an idle session alive. */
  background?: boolean;
}

interface ErrorBody {
  error?: { code: string; message: string; details?: Record<string, unknown> & { fields?: { path: string; message: string }[] } };
}

async function send(path: string, init: ApiInit): Promise<Response> {
  const headers: Record<string, string> = { 'accept-language': currentLang === 'en' ? 'en' : 'zh-CN' };
  if (init.background) headers['x-huiyin-background'] = '1';
  let body: BodyInit | undefined;
  if (init.form) body = init.form;
  else if (init.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.body);
  }
  const res = await fetch(path, {
    method: init.method ?? (body ? 'POST' : 'GET'),
    credentials: 'same-origin',
    headers,
    ...(body ? { body } : {}),
    ...(init.signal ? { signal: init.signal } : {}),
  });
  if (!res.ok) {
    const data = (await res.json().catch(() => ({}))) as ErrorBody;
    const details = data.error?.details ?? {};
    throw new ApiError(res.status, data.error?.code ?? 'internal', data.error?.message ?? res.statusText, details.fields ?? [], details);
  }
  return res;
}

/** A JSON answer of the API (`path` from the root, e.g. `/api/v1/cases`); a refusal throws an ApiError. */
export async function api<T>(path: string, init: ApiInit = {}): Promise<T> {
  const res = await send(path, init);
  if (res.status === 204) return undefined as T;
  return (await res.json().catch(() => ({}))) as T;
}

/** Send a multipart form (uploads) and read the JSON answer. */
export function apiUpload<T>(path: string, form: FormData, method = 'POST'): Promise<T> {
  return api<T>(path, { method, form });
}

/** A file the API answers with (PDF, Excel), as a Blob; a refusal throws an ApiError. */
export async function apiBlob(path: string, init: ApiInit = {}): Promise<Blob> {
  return (await send(path, init)).blob();
}

/** A query string of the parameters that have a value ('' when none has). */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') s.set(k, String(v));
  const out = s.toString();
  return out ? `?${out}` : '';
}

/** The address of a file download (a link's href: the browser sends the session cookie itself). */
export function downloadUrl(path: string, params: Record<string, string | number | boolean | undefined | null> = {}): string {
  return `${path}${query(params)}`;
}

/** A change to send: where, how and what (the dialogs that create or edit build one). */
export interface ApiRequest {
  path: string;
  method: string;
  body?: unknown;
}

/** Send an ApiRequest. */
export function apiSend<T>(r: ApiRequest): Promise<T> {
  return api<T>(r.path, { method: r.method, body: r.body });
}
