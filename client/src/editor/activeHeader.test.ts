import { describe, expect, it } from 'vitest';
import { ActiveHeaders } from './activeHeader.ts';

describe('ActiveHeaders', () => {
  it('makes active the block holding the selection, and only it', () => {
    const h = new ActiveHeaders();
    h.setSelectionBlock('a');
    expect([h.isActive('a'), h.isActive('b')]).toEqual([true, false]);
    h.setSelectionBlock('b');
    expect([h.isActive('a'), h.isActive('b')]).toEqual([false, true]);
    h.setSelectionBlock(null);
    expect(h.isActive('b')).toBe(false);
  });

  it('keeps an opened header active beside the selection until it closes', () => {
    const h = new ActiveHeaders();
    h.setSelectionBlock('a');
    h.open('b');
    expect([h.isActive('a'), h.isActive('b')]).toEqual([true, true]);
    h.close('a'); // a's header held the selection, not the opening: nothing changes
    expect([h.isActive('a'), h.isActive('b')]).toEqual([true, true]);
    h.close('b');
    expect(h.isActive('b')).toBe(false);
  });

  it('hands the field to focus to its block once, and forgets it when the header closes', () => {
    const h = new ActiveHeaders();
    h.open('b', 'affiliation');
    expect(h.takeFocusRequest('a')).toBeNull();
    expect(h.takeFocusRequest('b')).toBe('affiliation');
    expect(h.takeFocusRequest('b')).toBeNull();
    h.open('c', 'speaker');
    h.close('c');
    expect(h.takeFocusRequest('c')).toBeNull();
  });

  it('tells its subscribers of changes only', () => {
    const h = new ActiveHeaders();
    let calls = 0;
    const stop = h.subscribe(() => calls++);
    h.setSelectionBlock('a');
    h.setSelectionBlock('a');
    h.open('b');
    h.open('b', 'speaker'); // already open: a new focus request, no change to show
    h.close('b');
    stop();
    h.setSelectionBlock('c');
    expect(calls).toBe(3);
  });
});
