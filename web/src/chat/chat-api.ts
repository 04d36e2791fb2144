/**
 * The HTTP half of messaging (docs/http-api-messaging.md, docs/attachments.md): the inbox, starting a
 * conversation, the timeline page by page, and attachment uploads with progress. Live changes come over
 * the WebSocket instead (live/connection.ts).
 */
import { ApiError, problemFrom } from '../api';
import type { AttachmentRef } from '../protocol';
import type { ChatMessage, LastMessage, Marks } from './model';

export interface InboxEntry {
  conversationId: string;
  peer: { address: string } & Marks;
  me: { address: string } & Marks;
  lastMessage: LastMessage | null;
  unread: number;
  lastSeq: number;
  lastPosition: number;
  activityAt: string;
}

export interface ConversationDetail {
  conversationId: string;
  members: ({ address: string } & Marks)[];
  lastSeq: number;
  lastPosition: number;
}

export interface StartedConversation {
  conversationId: string;
  members: string[];
  created: boolean;
}

export interface MessagePage {
  messages: ChatMessage[];
  hasMoreBefore: boolean;
}

export interface ChatApiOptions {
  csrfToken: () => string | undefined;
  fetch?: typeof fetch;
}

type Json = Record<string, unknown>;

/** The HTTP API writes `null` for "no value"; the client's types say "absent". */
function withoutNulls<T extends Json>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null)) as T;
}

export function messageFromHttp(raw: Json): ChatMessage {
  const m = withoutNulls(raw) as unknown as ChatMessage & { lastPosition?: number; attachments?: AttachmentRef[] };
  return { ...m, attachments: m.attachments ?? [], lastPosition: m.lastPosition ?? m.position };
}

export function createChatApi(options: ChatApiOptions) {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function call(method: string, path: string, body?: unknown): Promise<Json> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    const init: RequestInit = { method, headers, credentials: 'same-origin', cache: 'no-store' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const csrf = method === 'GET' ? undefined : options.csrfToken();
    if (csrf) headers['X-XSRF-TOKEN'] = csrf;
    let response: Response;
    try {
      response = await doFetch(path, init);
    } catch {
      throw new ApiError({ title: 'Cannot reach the server', status: 0, detail: 'Check your connection and try again.', code: 'network' });
    }
    if (!response.ok) throw await problemFrom(response);
    if (response.status === 204) return {};
    const json: unknown = await response.json().catch(() => undefined);
    if (typeof json !== 'object' || json === null) {
      throw new ApiError({ title: 'Unexpected server response', status: 0, detail: `Expected JSON from ${path}.`, code: 'bad-response' });
    }
    return json as Json;
  }

  const conversationPath = (id: string) => `/api/conversations/${encodeURIComponent(id)}`;

  return {
    async inbox(): Promise<InboxEntry[]> {
      const body = await call('GET', '/api/conversations');
      return ((body.conversations as Json[] | undefined) ?? []).map((c) => withoutNulls(c) as unknown as InboxEntry);
    },

    async start(peer: string): Promise<StartedConversation> {
      return (await call('POST', '/api/conversations', { peer })) as unknown as StartedConversation;
    },

    async detail(conversationId: string): Promise<ConversationDetail> {
      return (await call('GET', conversationPath(conversationId))) as unknown as ConversationDetail;
    },

    /** The newest page (no `before`) or the page just before `before`, oldest first. */
    async messages(conversationId: string, before?: number, limit = 50): Promise<MessagePage> {
      const query = new URLSearchParams({ limit: String(limit), ...(before === undefined ? {} : { before: String(before) }) });
      const body = await call('GET', `${conversationPath(conversationId)}/messages?${query}`);
      const messages = ((body.messages as Json[] | undefined) ?? []).map(messageFromHttp).reverse();
      return { messages, hasMoreBefore: body.hasMoreBefore === true };
    },

    /** Streams a file to `POST /api/attachments`, reporting progress (XHR: fetch has no upload progress). */
    upload(file: File, onProgress: (fraction: number) => void): Promise<AttachmentRef> {
      return new Promise((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', `/api/attachments?name=${encodeURIComponent(file.name)}`);
        xhr.withCredentials = true;
        xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
        xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
        const csrf = options.csrfToken();
        if (csrf) xhr.setRequestHeader('X-XSRF-TOKEN', csrf);
        xhr.upload.onprogress = (event) => {
          if (event.lengthComputable) onProgress(event.loaded / event.total);
        };
        xhr.onload = () => {
          const response = new Response(xhr.responseText, {
            status: xhr.status,
            headers: { 'Content-Type': xhr.getResponseHeader('Content-Type') ?? '' },
          });
          if (xhr.status >= 200 && xhr.status < 300) {
            response.json().then((ref: AttachmentRef) => {
              onProgress(1);
              resolve(ref);
            }, reject);
          } else {
            problemFrom(response).then(reject, reject);
          }
        };
        xhr.onerror = () =>
          reject(new ApiError({ title: 'Upload failed', status: 0, detail: `${file.name} could not be sent. Check your connection.`, code: 'network' }));
        xhr.send(file);
      });
    },
  };
}

export type ChatApi = ReturnType<typeof createChatApi>;

export const attachmentUrl = (attachmentId: string): string => `/api/attachments/${encodeURIComponent(attachmentId)}`;
