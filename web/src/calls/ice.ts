/**
 * ICE servers for a call (`GET /api/ice-servers`, docs/ice-servers.md): STUN and TURN entries in the shape of
 * RTCIceServer, with TURN credentials that expire after `ttl` seconds. Fetched for every call and again before
 * an ICE restart, so a restart never uses an expired credential.
 */
import { ApiError, problemFrom } from '../api';
import type { IceConfig } from './rtc';

/** Checks the answer's shape: an entry without `urls` would make RTCPeerConnection throw. */
export function parseIceConfig(body: unknown): IceConfig {
  const value = body as { iceServers?: unknown; ttl?: unknown } | null;
  const servers = value?.iceServers;
  const valid = Array.isArray(servers) && servers.every((server: { urls?: unknown }) =>
    typeof server === 'object' && server !== null && (typeof server.urls === 'string' || (Array.isArray(server.urls) && server.urls.every((u) => typeof u === 'string'))));
  if (!valid) {
    throw new ApiError({ title: 'Unexpected server response', status: 0, detail: 'The ICE server list is malformed.', code: 'bad-response' });
  }
  const ttl = typeof value?.ttl === 'number' && value.ttl > 0 ? value.ttl : 3600;
  return { iceServers: servers as RTCIceServer[], ttl };
}

export async function fetchIceConfig(fetchImpl: typeof fetch = (input, init) => fetch(input, init)): Promise<IceConfig> {
  let response: Response;
  try {
    response = await fetchImpl('/api/ice-servers', { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } });
  } catch {
    throw new ApiError({ title: 'Cannot reach the server', status: 0, detail: 'The call needs the server to start. Check your connection.', code: 'network' });
  }
  if (!response.ok) throw await problemFrom(response);
  return parseIceConfig(await response.json());
}
