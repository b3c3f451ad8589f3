import { describe, expect, it } from 'vitest';
import { reviewAttrs } from './review.ts';

describe('review attributes', () => {
  const now = new Date('2017-01-24T10:05:00.000Z');

  it('record who checked or finalised a block, and when', () => {
    expect(reviewAttrs('checked', ' Ana ', now)).toEqual({
      status: 'checked',
      statusBy: 'Ana',
      statusAt: '2017-01-24T10:05:00.000Z',
      changedBy: '',
      changedAt: '',
    });
    expect(reviewAttrs('final', 'Ben', now).status).toBe('final');
  });

  it('clear both when a block goes back to draft', () => {
    expect(reviewAttrs('draft', 'Ana', now)).toEqual({
      status: 'draft',
      statusBy: '',
      statusAt: '',
      changedBy: '',
      changedAt: '',
    });
  });
});
