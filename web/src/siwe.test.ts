import { describe, expect, it } from 'vitest';
import { buildSiweMessage } from './siwe';

describe('buildSiweMessage (EIP-4361)', () => {
  it('reproduces the example message of the EIP', () => {
    const message = buildSiweMessage({
      domain: 'service.invalid',
      address: '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2',
      statement: 'I accept the ServiceOrg Terms of Service: https://service.invalid/tos',
      uri: 'https://service.invalid/login',
      version: '1',
      chainId: 1,
      nonce: '32891756',
      issuedAt: '2021-09-30T16:25:24Z',
      resources: [
        'ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq/',
        'https://example.com/my-web2-claim.json',
      ],
    });
    expect(message).toBe(
      'service.invalid wants you to sign in with your Ethereum account:\n' +
        '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2\n' +
        '\n' +
        'I accept the ServiceOrg Terms of Service: https://service.invalid/tos\n' +
        '\n' +
        'URI: https://service.invalid/login\n' +
        'Version: 1\n' +
        'Chain ID: 1\n' +
        'Nonce: 32891756\n' +
        'Issued At: 2021-09-30T16:25:24Z\n' +
        'Resources:\n' +
        '- ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq/\n' +
        '- https://example.com/my-web2-claim.json',
    );
  });

  it('builds the CallVault message from the nonce endpoint fields, checksumming the address', () => {
    const message = buildSiweMessage({
      domain: 'localhost:8080',
      address: '0x2c7536e3605d9c16a7a3d7b1898e529396a65c23',
      statement: 'Sign in to CallVault.',
      uri: 'http://localhost:8080',
      chainId: 1,
      nonce: 'a1B2c3D4e5F6g7H8',
      issuedAt: '2026-11-24T09:55:00.000Z',
      expirationTime: '2026-11-24T10:00:00Z',
    });
    expect(message).toBe(`localhost:8080 wants you to sign in with your Ethereum account:
0x2c7536E3605D9C16a7a3D7b1898e529396a65c23

Sign in to CallVault.

URI: http://localhost:8080
Version: 1
Chain ID: 1
Nonce: a1B2c3D4e5F6g7H8
Issued At: 2026-11-24T09:55:00.000Z
Expiration Time: 2026-11-24T10:00:00Z`);
  });

  it('leaves two blank lines after the address when there is no statement', () => {
    const message = buildSiweMessage({
      domain: 'localhost:8080',
      address: '0x2c7536E3605D9C16a7a3D7b1898e529396a65c23',
      uri: 'http://localhost:8080',
      chainId: 11155111,
      nonce: 'a1B2c3D4e5F6g7H8',
      issuedAt: '2026-11-24T09:55:00.000Z',
    });
    expect(message).toBe(`localhost:8080 wants you to sign in with your Ethereum account:
0x2c7536E3605D9C16a7a3D7b1898e529396a65c23


URI: http://localhost:8080
Version: 1
Chain ID: 11155111
Nonce: a1B2c3D4e5F6g7H8
Issued At: 2026-11-24T09:55:00.000Z`);
  });

  it('writes every optional field, in the order of the EIP', () => {
    const message = buildSiweMessage({
      scheme: 'https',
      domain: 'callvault.example',
      address: '0x2c7536E3605D9C16a7a3D7b1898e529396a65c23',
      statement: 'Sign in to CallVault.',
      uri: 'https://callvault.example',
      chainId: 1,
      nonce: 'a1B2c3D4e5F6g7H8',
      issuedAt: '2026-11-24T09:55:00Z',
      expirationTime: '2026-11-24T10:00:00Z',
      notBefore: '2026-11-24T09:54:00Z',
      requestId: 'req-42',
      resources: ['https://callvault.example/api'],
    });
    expect(message).toBe(`https://callvault.example wants you to sign in with your Ethereum account:
0x2c7536E3605D9C16a7a3D7b1898e529396a65c23

Sign in to CallVault.

URI: https://callvault.example
Version: 1
Chain ID: 1
Nonce: a1B2c3D4e5F6g7H8
Issued At: 2026-11-24T09:55:00Z
Expiration Time: 2026-11-24T10:00:00Z
Not Before: 2026-11-24T09:54:00Z
Request ID: req-42
Resources:
- https://callvault.example/api`);
  });

  it('refuses fields that would break the format', () => {
    const base = {
      domain: 'localhost:8080',
      address: '0x2c7536E3605D9C16a7a3D7b1898e529396a65c23',
      uri: 'http://localhost:8080',
      chainId: 1,
      nonce: 'a1B2c3D4e5F6g7H8',
      issuedAt: '2026-11-24T09:55:00Z',
    };
    expect(() => buildSiweMessage({ ...base, statement: 'two\nlines' })).toThrow(/single line/);
    expect(() => buildSiweMessage({ ...base, nonce: 'short' })).toThrow(/nonce/);
    expect(() => buildSiweMessage({ ...base, domain: 'evil.example/path' })).toThrow(/domain/);
    expect(() => buildSiweMessage({ ...base, version: '2' })).toThrow(/version/);
    expect(() => buildSiweMessage({ ...base, chainId: 0 })).toThrow(/chain/);
    expect(() => buildSiweMessage({ ...base, address: '0x2C7536E3605D9C16a7a3D7b1898e529396a65c23' })).toThrow(
      /checksum/,
    );
  });
});
