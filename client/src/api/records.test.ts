import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, EXPORT_LABELS, exportUrl } from './records.ts';

describe('export addresses', () => {
  const id = '6f1c2d4e-0000-4000-8000-000000000001';

  it('name the format and carry the token for a download link', () => {
    expect(exportUrl(id, 'md', { token: 'abc' })).toBe(`/api/sessions/${id}/export?format=md&token=abc`);
    expect(exportUrl(id, 'html', { token: 'a b&c', inline: true })).toBe(
      `/api/sessions/${id}/export?format=html&disposition=inline&token=a+b%26c`,
    );
  });

  it('work without a token (the server machine itself is admin)', () => {
    expect(exportUrl(id, 'docx')).toBe(`/api/sessions/${id}/export?format=docx`);
  });

  it('offer every format the server exports', () => {
    expect(Object.keys(EXPORT_LABELS).sort()).toEqual([...EXPORT_FORMATS].sort());
  });
});
