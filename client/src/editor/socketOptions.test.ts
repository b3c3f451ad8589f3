import { CloseCode } from '@rapporteur/shared/protocol';
import { describe, expect, it } from 'vitest';
import { collabUrl, reconnectAfter, socketParams } from './socketOptions.ts';

describe('collaboration socket options', () => {
  it('uses the page origin, with wss behind https', () => {
    expect(collabUrl({ protocol: 'http:', host: 'localhost:3000' })).toBe('ws://localhost:3000/collab');
    expect(collabUrl({ protocol: 'https:', host: 'minutes.example.org' })).toBe('wss://minutes.example.org/collab');
  });

  it('asks for persisted acknowledgements and presents token, name and colour', () => {
    expect(socketParams('tok', { name: 'Ana', color: '#1f6feb' })).toEqual({
      persisted: '1',
      token: 'tok',
      name: 'Ana',
      color: '#1f6feb',
    });
    expect(socketParams(null, { name: 'Ana', color: '#1f6feb' })).not.toHaveProperty('token');
  });

  it('comes back after transient closes and stays away after refusals', () => {
    for (const code of [
      1000,
      1001,
      1006,
      1011,
      CloseCode.RateLimited,
      CloseCode.TryAgainLater,
      CloseCode.PendingLimit,
    ]) {
      expect(reconnectAfter(code), String(code)).toBe(true);
    }
    for (const code of [CloseCode.Unauthorized, CloseCode.Forbidden, CloseCode.UnknownSession]) {
      expect(reconnectAfter(code), String(code)).toBe(false);
    }
  });
});
