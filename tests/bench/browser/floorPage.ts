/**
 * The browser's own floor: the same text in a plain `contenteditable`, no framework, no editor
 * library, no collaboration. Typing into it measures what Chromium itself costs per key at that
 * size on this machine, in the same run as the app.
 */

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** HTML of a page holding `blocks` (header line, statement) pairs in one editable element. */
export function floorHtml(blocks: { header: string; statement: string }[]): string {
  const body = blocks
    .map((b) => `<section><p><b>${escapeHtml(b.header)}</b></p><p>${escapeHtml(b.statement)}</p></section>`)
    .join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>floor</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto}section{margin:1rem 0}</style>
</head><body><div id="floor" contenteditable="true">${body}</div></body></html>`;
}
