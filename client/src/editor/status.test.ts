import { describe, expect, it } from 'vitest';
import { type ConnectionFacts, connectionOf, saveLabel } from './status.ts';

const base: ConnectionFacts = {
  online: true,
  status: 'connecting',
  synced: false,
  everConnected: false,
  closedReason: null,
};

describe('connection state', () => {
  it('is connecting until the first connection synced', () => {
    expect(connectionOf(base)).toBe('connecting');
    expect(connectionOf({ ...base, status: 'connected' })).toBe('connecting');
    expect(connectionOf({ ...base, status: 'connected', synced: true, everConnected: true })).toBe('live');
  });

  it('reads offline while reconnecting after a lost connection, whatever the attempt status', () => {
    const lost = { ...base, everConnected: true };
    expect(connectionOf({ ...lost, status: 'disconnected' })).toBe('offline');
    expect(connectionOf({ ...lost, status: 'connecting' })).toBe('offline');
  });

  it('is offline when the browser says so, even with a socket that has not noticed yet', () => {
    expect(connectionOf({ ...base, online: false, status: 'connected', synced: true, everConnected: true })).toBe(
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
    expect(saveLabel({ acknowledged: true, unsaved: 0 })).toBe('Saved');
  });

  it('never says saved before the first acknowledgement', () => {
    expect(saveLabel({ acknowledged: false, unsaved: 0 })).not.toMatch(/^saved/i);
    expect(saveLabel({ acknowledged: false, unsaved: 3 })).toBe('3 changes not yet saved');
  });

  it('counts outstanding changes, singular and plural', () => {
    expect(saveLabel({ acknowledged: true, unsaved: 1 })).toBe('1 change not yet saved');
    expect(saveLabel({ acknowledged: true, unsaved: 12 })).toBe('12 changes not yet saved');
  });
});
