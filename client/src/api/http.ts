/**
 * The one place the client talks HTTP to the server. Every failing call becomes an ApiRequestError
 * whose message is the server's own (`{ error: { code, message } }`), or a plain description of
 * what went wrong on the way, so pages can show it to the user as it is.
 */

/** A failed API call, with the server's error code when it sent one. */
export class ApiRequestError extends Error {
  constructor(
    message: string,
    /** HTTP status, or 0 when the request never got an answer (offline, server down). */
    readonly status: number,
    /** The server's stable error code (`not_found`, `bad_request` …), or `network`. */
    readonly code: string,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

function errorFromBody(body: unknown): { code: string; message: string } | null {
  if (typeof body !== 'object' || body === null || !('error' in body)) return null;
  const e = (body as { error: unknown }).error;
  if (typeof e !== 'object' || e === null) return null;
  const { code, message } = e as { code?: unknown; message?: unknown };
  return typeof message === 'string' ? { code: typeof code === 'string' ? code : 'error', message } : null;
}

/** Options of one request. */
export interface RequestOptions {
  body?: unknown;
  /** Capability or admin token, sent as a bearer token (never in the URL, which gets logged). */
  token?: string | null;
  /** Extra request headers (e.g. who is acting, for the server's records). */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** Send a JSON request and return the parsed JSON answer, or throw an ApiRequestError. */
export async function requestJson<T>(method: 'GET' | 'POST', path: string, opts: RequestOptions = {}): Promise<T> {
  const { body, token, signal } = opts;
  const headers: Record<string, string> = { ...opts.headers, accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(path, { method, signal, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiRequestError('Cannot reach the server. Check your connection and try again.', 0, 'network');
  }
  const parsed: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const e = errorFromBody(parsed);
    throw new ApiRequestError(
      e?.message ?? `The server answered ${res.status} ${res.statusText}.`,
      res.status,
      e?.code ?? 'http',
    );
  }
  if (parsed === null)
    throw new ApiRequestError('The server sent an answer that is not JSON.', res.status, 'bad_response');
  return parsed as T;
}

/** The message to show for any error a call may throw. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
