import { describe, expect, it } from 'vitest';
import { GuardStore, heldBackNotice } from './guardStore.ts';

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

  it('moving away closes the question and says what was held back', () => {
    const guard = new GuardStore();
    expect(guard.leave()).toBeNull();
    guard.ask('b1', 'Ana', '#112233', 'We ');
    guard.ask('b1', 'Ana', '#112233', 'agree');
    const left = guard.leave();
    expect(guard.get()).toBeNull();
    expect(guard.isConfirmed('b1')).toBe(false);
    expect(heldBackNotice(left)).toBe("Not typed into Ana's statement (you moved on before answering): “We agree”");
    guard.ask('b2', 'Ben', '#445566');
    expect(heldBackNotice(guard.leave())).toBeNull(); // nothing held back, nothing to say
  });
});
