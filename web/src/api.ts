/**
 * Typed client for the gateway's auth API. Errors come back as RFC 9457 problem details and are
 * turned into {@link ApiError}s that carry the problem's code, title and detail.
 *
 * The session lives in an HttpOnly cookie: every call is `credentials: 'same-origin'`, and the
 * bearer token in the verify response is deliberately dropped, never returned or stored.
 */

export interface NonceResponse {
  nonce: string;
  expiresAt?: string;
  domain: string;
  uri: string;
  chainId: number;
  chainIds: number[];
  version: string;
  statement?: string;
}

export interface SignedIn {
  address: string;
  roles: string[];
  expiresAt?: string;
}

export interface Me {
  address: string;
  roles: string[];
  registeredAt?: string;
}

export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  instance?: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly code: string | undefined;
  readonly type: string | undefined;

  constructor(problem: Problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.title = problem.title;
    this.detail = problem.detail;
    this.code = problem.code;
    this.type = problem.type;
  }
}

export interface ApiOptions {
  fetch?: typeof fetch;
  /** Prefix for every path; empty when the page is served by the gateway itself. */
  baseUrl?: string;
  /** CSRF token to echo as `X-XSRF-TOKEN` on state-changing calls, when the server uses one. */
  csrfToken?: () => string | undefined;
}

type Json = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const strings = (v: unknown): string[] | undefined =>
  Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : undefined;
const int = (v: unknown): number | undefined => (Number.isSafeInteger(v) ? (v as number) : undefined);

function isJson(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function badResponse(what: string): ApiError {
  return new ApiError({ title: 'Unexpected server response', status: 0, detail: what, code: 'bad-response' });
}

/** Builds an {@link ApiError} from a failed response, preferring its problem+json body. */
export async function problemFrom(response: Response): Promise<ApiError> {
  const fallback = `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`;
  let body: unknown;
  if (/[/+]json\b/i.test(response.headers.get('Content-Type') ?? '')) {
    body = await response.json().catch(() => undefined);
  }
  if (!isJson(body)) {
    return new ApiError({ title: 'Request failed', status: response.status, detail: fallback });
  }
  const title = str(body.title) ?? 'Request failed';
  const detail = str(body.detail) ?? (str(body.title) ? undefined : fallback);
  const [type, code, instance] = [str(body.type), str(body.code), str(body.instance)];
  return new ApiError({
    title,
    status: response.status, // the body's status member is only advisory (RFC 9457 §3.1.2)
    ...(detail === undefined ? {} : { detail }),
    ...(type === undefined ? {} : { type }),
    ...(code === undefined ? {} : { code }),
    ...(instance === undefined ? {} : { instance }),
  });
}

function parseNonce(b: Json): NonceResponse {
  const nonce = str(b.nonce);
  const domain = str(b.domain);
  const uri = str(b.uri);
  const chainId = int(b.chainId);
  if (!nonce || !domain || !uri || chainId === undefined) throw badResponse('The nonce response is incomplete.');
  const ids = Array.isArray(b.chainIds) ? b.chainIds.filter((x): x is number => Number.isSafeInteger(x)) : [];
  const [expiresAt, statement] = [str(b.expiresAt), str(b.statement)];
  return {
    nonce,
    domain,
    uri,
    chainId,
    chainIds: ids.length > 0 ? ids : [chainId],
    version: str(b.version) ?? '1',
    ...(expiresAt === undefined ? {} : { expiresAt }),
    ...(statement === undefined ? {} : { statement }),
  };
}

function parseAccount(b: Json, what: string): { address: string; roles: string[] } {
  const address = str(b.address);
  const roles = strings(b.roles) ?? [];
  if (!address) throw badResponse(`The ${what} response has no address.`);
  return { address, roles };
}

export function createApi(options: ApiOptions = {}) {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const base = options.baseUrl ?? '';

  async function call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    const init: RequestInit = { method, headers, credentials: 'same-origin', cache: 'no-store' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const csrf = method === 'POST' ? options.csrfToken?.() : undefined;
    if (csrf) headers['X-XSRF-TOKEN'] = csrf;
    try {
      return await doFetch(`${base}${path}`, init);
    } catch {
      throw new ApiError({
        title: 'Cannot reach the server',
        status: 0,
        detail: 'Check your connection and try again.',
        code: 'network',
      });
    }
  }

  async function json(response: Response): Promise<Json> {
    if (!response.ok) throw await problemFrom(response);
    const body: unknown = await response.json().catch(() => undefined);
    if (!isJson(body)) throw badResponse(`Expected a JSON object from ${response.url || 'the server'}.`);
    return body;
  }

  return {
    async getNonce(): Promise<NonceResponse> {
      return parseNonce(await json(await call('GET', '/api/auth/nonce')));
    },

    /** Posts the signed SIWE message; on success the server has set the session cookie. */
    async verify(message: string, signature: string): Promise<SignedIn> {
      const b = await json(await call('POST', '/api/auth/verify', { message, signature }));
      const expiresAt = str(b.expiresAt);
      // The token in `b` is intentionally not passed on: the HttpOnly cookie is the session.
      return { ...parseAccount(b, 'verify'), ...(expiresAt === undefined ? {} : { expiresAt }) };
    },

    async logout(): Promise<void> {
      const response = await call('POST', '/api/auth/logout');
      if (!response.ok && response.status !== 401) throw await problemFrom(response);
    },

    /** The signed-in account, or null when there is no (valid) session. */
    async me(): Promise<Me | null> {
      const response = await call('GET', '/api/me');
      if (response.status === 401) return null;
      const b = await json(response);
      const registeredAt = str(b.registeredAt);
      return { ...parseAccount(b, 'me'), ...(registeredAt === undefined ? {} : { registeredAt }) };
    },
  };
}

export type Api = ReturnType<typeof createApi>;
