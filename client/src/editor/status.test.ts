import { describe, expect, it } from 'vitest';
import { type ConnectionSignals, connectionLabel, connectionOf, saveLabel } from './status.ts';

const base: ConnectionSignals = {
  online: true,
  status: 'connecting',
  synced: false,
  triedBefore: false,
  closedReason: null,
};

describe('connection state', () => {
  it('is connecting until the first connection synced', () => {
    expect(connectionOf(base)).toBe('connecting');
    expect(connectionOf({ ...base, status: 'connected' })).toBe('connecting');
    expect(connectionOf({ ...base, status: 'connected', synced: true, triedBefore: true })).toBe('connected');
  });

  it('reads reconnecting after a lost connection or a failed first attempt, whatever the attempt status', () => {
    const lost = { ...base, triedBefore: true };
    expect(connectionOf({ ...lost, status: 'disconnected' })).toBe('reconnecting');
    expect(connectionOf({ ...lost, status: 'connecting' })).toBe('reconnecting');
    expect(connectionOf({ ...lost, status: 'connected' })).toBe('reconnecting');
  });

  it('never calls a connection "live": that word belongs to no state of it', () => {
    const states = ['connecting', 'connected', 'reconnecting', 'offline', 'closed'] as const;
    for (const c of states) expect(connectionLabel(c)).not.toMatch(/live/i);
  });

  it('is offline when the browser says so, even with a socket that has not noticed yet', () => {
    expect(connectionOf({ ...base, online: false, status: 'connected', synced: true, triedBefore: true })).toBe(
      'offline',
    );
  });

  it('is closed when the server refused the session for good', () => {
    expect(connectionOf({ ...base, status: 'connected', synced: true, closedReason: 'unknown session' })).toBe(
      'closed',
    );
  });
});

describe('save label', () => {
  it('says saved only when acknowledged with nothing outstanding', () => {
    expect(saveLabel({ acknowledged: true, counted: true, unsaved: 0 })).toBe('Saved');
  });

  it('never says saved before the first acknowledgement', () => {
    expect(saveLabel({ acknowledged: false, counted: false, unsaved: 0 })).not.toMatch(/^saved/i);
    // a vector kept from an earlier page counts changes, but only this page's acknowledgement saves
    expect(saveLabel({ acknowledged: false, counted: true, unsaved: 0 })).not.toMatch(/^saved/i);
    expect(saveLabel({ acknowledged: false, counted: true, unsaved: 3 })).toBe('3 changes not yet saved');
  });

  it('gives no number before any persisted vector is known: it would count the whole document', () => {
    expect(saveLabel({ acknowledged: false, counted: false, unsaved: 920 })).toBe('Not yet saved');
  });

  it('counts outstanding changes, singular and plural', () => {
    expect(saveLabel({ acknowledged: true, counted: true, unsaved: 1 })).toBe('1 change not yet saved');
    expect(saveLabel({ acknowledged: true, counted: true, unsaved: 12 })).toBe('12 changes not yet saved');
  });
});
