/** Addresses of single blocks: `/s/:id#block-<blockId>` (search results link there). */

const PREFIX = '#block-';

/** The block id a location hash points at, or null. */
export function blockIdOfHash(hash: string): string | null {
  if (!hash.startsWith(PREFIX) || hash.length === PREFIX.length) return null;
  try {
    return decodeURIComponent(hash.slice(PREFIX.length));
  } catch {
    return null; // a malformed escape: no block
  }
}

/** The element id a block is rendered with, in the editor and in read-only views. */
export function blockElementId(blockId: string): string {
  return `block-${blockId}`;
}
