import { describe, expect, it, vi } from 'vitest';
import { ApiError, createApi, problemFrom } from './api';

const problemJson = { 'Content-Type': 'application/problem+json' };
const json = { 'Content-Type': 'application/json' };

function stubFetch(...responses: Response[]) {
  const fetch = vi.fn<typeof globalThis.fetch>();
  for (const r of responses) fetch.mockResolvedValueOnce(r);
  return fetch;
}

describe('problem+json parsing', () => {
  it('turns an RFC 9457 problem into an ApiError with code, title and detail', async () => {
    const body = {
      type: 'https://callvault.example/problems/domain-mismatch',
      title: 'Wrong domain',
      status: 422,
      detail: 'The message was signed for evil.example, not localhost:8080.',
      code: 'domain-mismatch',
    };
    const fetch = stubFetch(new Response(JSON.stringify(body), { status: 422, headers: problemJson }));
    const api = createApi({ fetch });

    const error = await api.verify('message', '0x00').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    const e = error as ApiError;
    expect(e.status).toBe(422);
    expect(e.code).toBe('domain-mismatch');
    expect(e.title).toBe('Wrong domain');
    expect(e.detail).toBe('The message was signed for evil.example, not localhost:8080.');
    expect(e.type).toBe(body.type);
    expect(e.message).toBe('Wrong domain: The message was signed for evil.example, not localhost:8080.');
  });

  it('falls back to the HTTP status when the body is not a problem', async () => {
    const e = await problemFrom(new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    expect(e.status).toBe(502);
    expect(e.title).toBe('Request failed');
    expect(e.detail).toBe('The server answered 502 Bad Gateway.');
    expect(e.code).toBeUndefined();
  });

  it('keeps a problem without detail readable', async () => {
    const e = await problemFrom(
      new Response(JSON.stringify({ title: 'Nonce expired', status: 401, code: 'nonce-expired' }), {
        status: 401,
        headers: problemJson,
      }),
    );
    expect(e.message).toBe('Nonce expired');
    expect(e.detail).toBeUndefined();
    expect(e.code).toBe('nonce-expired');
  });

  it('reports an unreachable server in words', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>().mockRejectedValue(new TypeError('Failed to fetch'));
    const e = (await createApi({ fetch }).getNonce().catch((x: unknown) => x)) as ApiError;
    expect(e).toBeInstanceOf(ApiError);
    expect(e.code).toBe('network');
    expect(e.title).toBe('Cannot reach the server');
  });
});

describe('createApi', () => {
  it('fetches the nonce with the session cookie and parses it', async () => {
    const body = {
      nonce: 'a1B2c3D4e5F6g7H8',
      expiresAt: '2026-11-24T10:00:00Z',
      domain: 'localhost:8080',
      uri: 'http://localhost:8080',
      chainId: 1,
      chainIds: [1],
      version: '1',
      statement: 'Sign in to CallVault.',
    };
    const fetch = stubFetch(new Response(JSON.stringify(body), { status: 200, headers: json }));
    expect(await createApi({ fetch }).getNonce()).toEqual(body);
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('/api/auth/nonce');
    expect(init?.method).toBe('GET');
    expect(init?.credentials).toBe('same-origin');
  });

  it('rejects an incomplete nonce response', async () => {
    const fetch = stubFetch(new Response(JSON.stringify({ nonce: 'abcdefgh' }), { status: 200, headers: json }));
    await expect(createApi({ fetch }).getNonce()).rejects.toMatchObject({ code: 'bad-response' });
  });

  it('posts the signed message as JSON and never hands the token on', async () => {
    const body = { address: '0x2c7536E3605D9C16a7a3D7b1898e529396a65c23', roles: ['user'], token: 'secret', expiresAt: 'x' };
    const fetch = stubFetch(new Response(JSON.stringify(body), { status: 200, headers: json }));
    const result = await createApi({ fetch, csrfToken: () => 'csrf-1' }).verify('the message', '0xabc');
    expect(result).toEqual({ address: body.address, roles: ['user'], expiresAt: 'x' });
    expect(JSON.stringify(result)).not.toContain('secret');
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('/api/auth/verify');
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('same-origin');
    expect(JSON.parse(String(init?.body))).toEqual({ message: 'the message', signature: '0xabc' });
    expect(init?.headers).toMatchObject({ 'Content-Type': 'application/json', 'X-XSRF-TOKEN': 'csrf-1' });
  });

  it('reads /api/me, and null on 401', async () => {
    const me = { address: '0x2c7536E3605D9C16a7a3D7b1898e529396a65c23', roles: ['user', 'admin'], registeredAt: 'r' };
    const fetch = stubFetch(
      new Response(JSON.stringify(me), { status: 200, headers: json }),
      new Response(JSON.stringify({ title: 'Unauthorized', status: 401 }), { status: 401, headers: problemJson }),
    );
    const api = createApi({ fetch });
    expect(await api.me()).toEqual(me);
    expect(await api.me()).toBeNull();
  });

  it('logs out with a POST that answers 204', async () => {
    const fetch = stubFetch(new Response(null, { status: 204 }));
    await expect(createApi({ fetch }).logout()).resolves.toBeUndefined();
    expect(fetch.mock.calls[0]?.[0]).toBe('/api/auth/logout');
    expect(fetch.mock.calls[0]?.[1]?.method).toBe('POST');
  });
});
