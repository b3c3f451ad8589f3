import { useEffect, useState } from 'react';
import { blockElementId, blockIdOfHash } from '../editor/blockAnchor.ts';

/** How long to wait for a linked block to appear (the record arrives over the socket). */
const WAIT_MS = 20_000;
/** How long the linked block stays highlighted. */
const HIGHLIGHT_MS = 4_000;

/**
 * Scroll to the block the address points at (`#block-<id>`) once it is on the page, and
 * highlight it for a moment. The record renders only after the first sync, so this watches the
 * page until the block appears (or gives up quietly: it may have been deleted). Returns the
 * linked block id, or null when the address names none.
 */
export function useBlockAnchor(): string | null {
  const [target, setTarget] = useState(() => blockIdOfHash(window.location.hash));

  useEffect(() => {
    const onHash = () => setTarget(blockIdOfHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    if (target === null) return;
    const id = blockElementId(target);
    let highlightTimer: ReturnType<typeof setTimeout> | undefined;
    let settleTimer: ReturnType<typeof setTimeout> | undefined;
    const reveal = (): boolean => {
      const el = document.getElementById(id);
      if (!el) return false;
      el.scrollIntoView({ block: 'center' });
      // blocks above may still be rendering (node views mount one by one): look again shortly
      settleTimer = setTimeout(() => el.isConnected && el.scrollIntoView({ block: 'center' }), 400);
      el.classList.add('block-target');
      highlightTimer = setTimeout(() => el.classList.remove('block-target'), HIGHLIGHT_MS);
      return true;
    };
    const clearTimers = () => {
      clearTimeout(highlightTimer);
      clearTimeout(settleTimer);
    };
    if (reveal()) return clearTimers;
    const observer = new MutationObserver(() => {
      if (reveal()) stop();
    });
    const deadline = setTimeout(() => stop(), WAIT_MS);
    const stop = () => {
      observer.disconnect();
      clearTimeout(deadline);
    };
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      stop();
      clearTimers();
    };
  }, [target]);

  return target;
}
