import { afterEach, describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { claimedByOther, claimOf, claimsByBlock, readClaims, setClaim } from './claims.ts';

const open: { doc: Y.Doc; awareness: Awareness }[] = [];
function peer(name: string) {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  awareness.setLocalStateField('user', { name, color: '#123456', role: 'note-taker' });
  open.push({ doc, awareness });
  return awareness;
}
afterEach(() => {
  for (const { doc, awareness } of open.splice(0)) {
    awareness.destroy();
    doc.destroy();
  }
});

type States = Map<number, Record<string, unknown>>;
const merged = (...peers: Awareness[]): States => {
  const states: States = new Map();
  for (const p of peers) for (const [id, st] of p.getStates()) states.set(id, st);
  return states;
};

describe('claims', () => {
  it('reads who claims which block, oldest first, with the bound user', () => {
    const ana = peer('Ana');
    const ben = peer('Ben');
    setClaim(ana, 'b1', new Date('2017-01-24T10:00:00Z'));
    setClaim(ben, 'b1', new Date('2017-01-24T10:01:00Z'));
    const claims = readClaims(merged(ben, ana));
    expect(claims.map((c) => [c.user?.name, c.blockId])).toEqual([
      ['Ana', 'b1'],
      ['Ben', 'b1'],
    ]);
    expect(
      claimsByBlock(merged(ana, ben))
        .get('b1')
        ?.map((c) => c.clientId),
    ).toEqual([ana.clientID, ben.clientID]);
    expect(claimOf(merged(ana, ben), ben.clientID)?.since).toBe('2017-01-24T10:01:00.000Z');
  });

  it('tells a note-taker when someone else claims the block they type in, never about their own claim', () => {
    const ana = peer('Ana');
    const ben = peer('Ben');
    setClaim(ana, 'brazil');
    expect(claimedByOther(merged(ana, ben), 'brazil', ben.clientID)?.user?.name).toBe('Ana');
    expect(claimedByOther(merged(ana, ben), 'brazil', ana.clientID)).toBeNull();
    expect(claimedByOther(merged(ana, ben), 'peru', ben.clientID)).toBeNull();
  });

  it('drops a claim with null, keeping one claim per person', () => {
    const ana = peer('Ana');
    setClaim(ana, 'b1');
    setClaim(ana, 'b2');
    expect(readClaims(merged(ana)).map((c) => c.blockId)).toEqual(['b2']);
    setClaim(ana, null);
    expect(readClaims(merged(ana))).toEqual([]);
  });

  it('ignores malformed claims from hostile clients', () => {
    const states: States = new Map<number, Record<string, unknown>>([
      [1, { claim: 'b1' }],
      [2, { claim: { blockId: 42 } }],
      [3, { claim: { blockId: 'x'.repeat(500) } }],
      [4, { claim: { blockId: 'ok' }, user: 'not an object' }],
      [5, { server: { observers: 1 } }],
    ]);
    expect(readClaims(states)).toEqual([{ clientId: 4, blockId: 'ok', since: '', user: null }]);
  });
});
