import { describe, expect, it } from 'vitest';
import { GuardStore } from './guardStore.ts';

describe('GuardStore', () => {
  it('holds back what is typed while the question is open and hands it over on yes', () => {
    const guard = new GuardStore();
    guard.ask('b1', 'Ana', '#112233', 'W');
    guard.ask('b1', 'Ana', '#112233', 'e');
    expect(guard.get()).toMatchObject({ blockId: 'b1', name: 'Ana', pending: 'We' });
    expect(guard.confirm()).toEqual({ blockId: 'b1', pending: 'We' });
    expect(guard.get()).toBeNull();
    expect(guard.isConfirmed('b1')).toBe(true);
    expect(guard.isConfirmed('b2')).toBe(false);
  });

  it('drops the held-back text on no, and starts over for another block', () => {
    const guard = new GuardStore();
    guard.ask('b1', 'Ana', '#112233', 'x');
    guard.dismiss();
    expect(guard.get()).toBeNull();
    expect(guard.isConfirmed('b1')).toBe(false);
    guard.ask('b1', 'Ana', '#112233', 'y');
    guard.ask('b2', 'Ben', '#445566', 'z');
    expect(guard.get()).toMatchObject({ blockId: 'b2', pending: 'z' });
    expect(guard.confirm()).toEqual({ blockId: 'b2', pending: 'z' });
    expect(guard.confirm()).toBeNull();
  });
});
