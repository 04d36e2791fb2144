import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { fetchIceConfig, parseIceConfig } from './ice';

describe('ICE servers from the gateway', () => {
  it('takes the list and ttl as they come', () => {
    const body = { iceServers: [{ urls: ['stun:s.example:3478'] }, { urls: 'turn:t.example:3478', username: 'u', credential: 'c' }], ttl: 600, mode: 'rest' };
    expect(parseIceConfig(body)).toEqual({ iceServers: body.iceServers, ttl: 600 });
    expect(parseIceConfig({ iceServers: [] })).toEqual({ iceServers: [], ttl: 3600 });
  });

  it('refuses a list RTCPeerConnection would throw on', () => {
    for (const body of [null, {}, { iceServers: {} }, { iceServers: [{}] }, { iceServers: [{ urls: [1] }] }]) {
      expect(() => parseIceConfig(body)).toThrow(ApiError);
    }
  });

  it('turns a refusal into the server\'s problem, and no network into words', async () => {
    const refused = async () => new Response(JSON.stringify({ title: 'Not signed in', status: 401, code: 'not-signed-in' }),
      { status: 401, headers: { 'Content-Type': 'application/problem+json' } });
    await expect(fetchIceConfig(refused)).rejects.toMatchObject({ status: 401, code: 'not-signed-in', title: 'Not signed in' });
    const offline = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(fetchIceConfig(offline)).rejects.toMatchObject({ code: 'network', title: 'Cannot reach the server' });
  });
});
