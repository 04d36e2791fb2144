/** The HTTP half of push (docs/push.md): the VAPID key, and this user's subscriptions, one per device. */
import { ApiError, problemFrom } from '../api';

/** A device that receives this user's pushes, as `GET /api/push/subscriptions` lists it (never its keys). */
export interface PushDevice {
  readonly endpoint: string;
  readonly userAgent?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly lastSuccessAt?: string;
  /** The session that stored it is signed in: it receives pushes. */
  readonly signedIn: boolean;
  /** That session is this one. */
  readonly thisSession: boolean;
}

export interface PushDevices {
  /** False when the server has no VAPID keys: push is off there. */
  readonly pushEnabled: boolean;
  readonly subscriptions: readonly PushDevice[];
}

export interface PushApiOptions {
  csrfToken: () => string | undefined;
  fetch?: typeof fetch;
}

type Json = Record<string, unknown>;

export function createPushApi(options: PushApiOptions) {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function call(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    const init: RequestInit = { method, headers, credentials: 'same-origin', cache: 'no-store' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const csrf = method === 'GET' ? undefined : options.csrfToken();
    if (csrf) headers['X-XSRF-TOKEN'] = csrf;
    try {
      return await doFetch(path, init);
    } catch {
      throw new ApiError({ title: 'Cannot reach the server', status: 0, detail: 'Check your connection and try again.', code: 'network' });
    }
  }

  async function json(response: Response): Promise<Json> {
    if (!response.ok) throw await problemFrom(response);
    const body: unknown = await response.json().catch(() => undefined);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new ApiError({ title: 'Unexpected server response', status: 0, detail: `Expected JSON from ${response.url || 'the server'}.`, code: 'bad-response' });
    }
    return body as Json;
  }

  return {
    /** The `applicationServerKey`, base64url; an {@link ApiError} `push-disabled` (503) when the server has no keys. */
    async vapidPublicKey(): Promise<string> {
      const body = await json(await call('GET', '/api/push/vapid-public-key'));
      if (typeof body.publicKey !== 'string') {
        throw new ApiError({ title: 'Unexpected server response', status: 0, detail: 'No VAPID key in the answer.', code: 'bad-response' });
      }
      return body.publicKey;
    },

    /** Sends `PushSubscription.toJSON()` as it is; the server renews a known endpoint. */
    async save(subscription: unknown): Promise<void> {
      await json(await call('POST', '/api/push/subscriptions', subscription));
    },

    /** Forgets this endpoint on the server; one it no longer knows is not an error. */
    async remove(endpoint: string): Promise<void> {
      const response = await call('DELETE', `/api/push/subscriptions?endpoint=${encodeURIComponent(endpoint)}`);
      if (!response.ok && response.status !== 404) throw await problemFrom(response);
    },

    async list(): Promise<PushDevices> {
      const body = await json(await call('GET', '/api/push/subscriptions'));
      const subscriptions = Array.isArray(body.subscriptions) ? (body.subscriptions as PushDevice[]) : [];
      return { pushEnabled: body.pushEnabled === true, subscriptions };
    },
  };
}

export type PushApi = ReturnType<typeof createPushApi>;
