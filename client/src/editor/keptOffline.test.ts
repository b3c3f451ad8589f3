import { describe, expect, it } from 'vitest';
import { parseKeptSession, parseKeptVector } from './keptOffline.ts';

const id = '0b7d3c2e-8a4f-4e0b-9d2a-5c6f7e8a9b0c';
const session = {
  id,
  title: 'CND intersessional',
  status: 'review',
  public: false,
  startsAt: '2017-01-24T10:00:00Z',
  createdAt: '2017-01-24T09:00:00Z',
  updatedAt: '2017-01-24T12:00:00Z',
};

describe('parseKeptVector', () => {
  it('reads pairs of client id and clock', () => {
    expect(
      parseKeptVector([
        [12, 900],
        [7, 3],
      ]),
    ).toEqual(
      new Map([
        [12, 900],
        [7, 3],
      ]),
    );
    expect(parseKeptVector([])).toEqual(new Map());
  });

  it('refuses anything else whole', () => {
    for (const bad of [null, 'x', {}, [[1]], [[1, -2]], [[1, 2.5]], [['1', 2]], [[1, 2, 3]]]) {
      expect(parseKeptVector(bad)).toBeNull();
    }
  });
});

describe('parseKeptSession', () => {
  it('reads the session it was kept for', () => {
    expect(parseKeptSession({ ...session, extra: 1 }, id)).toEqual(session);
  });

  it("refuses another session's details, unknown states and missing fields", () => {
    expect(parseKeptSession(session, 'another')).toBeNull();
    expect(parseKeptSession({ ...session, status: 'archived' }, id)).toBeNull();
    expect(parseKeptSession({ ...session, title: 3 }, id)).toBeNull();
    expect(parseKeptSession(null, id)).toBeNull();
  });
});
