import { CloseCode } from '@rapporteur/shared/protocol';
import { describe, expect, it } from 'vitest';
import {
  collabUrl,
  jitteredReconnect,
  RECONNECT_CAP_MS,
  reconnectAfter,
  reconnectDelay,
  socketParams,
} from './socketOptions.ts';

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

  it('waits a random time up to the exponential step, so clients of a dead process do not return together', () => {
    expect(reconnectDelay(1, () => 0.999)).toBeLessThanOrEqual(200);
    expect(reconnectDelay(3, () => 0.999)).toBeLessThanOrEqual(800);
    expect(reconnectDelay(20, () => 0.999)).toBeLessThanOrEqual(RECONNECT_CAP_MS);
    expect(reconnectDelay(1, () => 0)).toBeGreaterThan(0);
    let seed = 1;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return (seed - 1) / 2147483646;
    };
    const waits = new Set(Array.from({ length: 50 }, () => reconnectDelay(4, random)));
    expect(waits.size).toBeGreaterThan(30);
  });

  it("sets the provider's next wait on every close, below the provider's own exponential step", () => {
    const provider = { maxBackoffTime: 2500, wsUnsuccessfulReconnects: 0 };
    const decide = jitteredReconnect(() => 0.5);
    for (let attempt = 1; attempt <= 8; attempt++) {
      provider.wsUnsuccessfulReconnects = attempt;
      expect(decide({ code: 1006 }, provider)).toBe(true);
      // y-websocket waits min(100 * 2^attempts, maxBackoffTime): ours is the smaller
      expect(provider.maxBackoffTime).toBeLessThanOrEqual(100 * 2 ** attempt);
      expect(provider.maxBackoffTime).toBe(reconnectDelay(attempt, () => 0.5));
    }
    expect(decide({ code: CloseCode.Forbidden }, provider)).toBe(false);
  });
});
