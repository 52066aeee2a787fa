/** A small typed fetch: JSON in, JSON out, the API's error shape turned into an ApiError. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Field errors of a validation failure: where and what. */
    readonly fields: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

export async function api<T>(path: string, init: { method?: string; body?: unknown; lang?: string } = {}): Promise<T> {
  const res = await fetch(path, {
    method: init.method ?? 'GET',
    credentials: 'same-origin',
    headers: {
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      'accept-language': init.lang === 'en' ? 'en' : 'zh-CN',
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => ({}))) as {
    error?: { code: string; message: string; details?: { fields?: { path: string; message: string }[] } };
  };
  if (!res.ok) {
    throw new ApiError(
      res.status,
      data.error?.code ?? 'internal',
      data.error?.message ?? res.statusText,
      data.error?.details?.fields ?? [],
    );
  }
  return data as T;
}
