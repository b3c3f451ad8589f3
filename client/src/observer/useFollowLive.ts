import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

/** How close to the end of the page still counts as "at the live end" (px). */
export const LIVE_EDGE_PX = 160;

function distanceToEnd(): number {
  const root = document.scrollingElement ?? document.documentElement;
  return root.scrollHeight - (root.scrollTop + window.innerHeight);
}

function scrollToEnd(): void {
  const root = document.scrollingElement ?? document.documentElement;
  // instant, not smooth: a smooth scroll passes through positions that read as "scrolled away"
  window.scrollTo({ top: root.scrollHeight, behavior: 'instant' });
}

/**
 * Keep the newest text in view while the reader is at the end of the page. Scrolling away (to
 * re-read something) stops following until the reader scrolls back down or jumps to live.
 * `content` changes whenever the record was re-rendered; `start` is false while the page should
 * not move by itself (e.g. it opened on a linked block).
 */
export function useFollowLive(content: unknown, start = true): { following: boolean; jumpToLive(): void } {
  const [following, setFollowing] = useState(start);
  const followingRef = useRef(start);

  const set = useCallback((value: boolean) => {
    followingRef.current = value;
    setFollowing(value);
  }, []);

  useEffect(() => {
    const onScroll = () => {
      const atEnd = distanceToEnd() <= LIVE_EDGE_PX;
      if (atEnd !== followingRef.current) set(atEnd);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => window.removeEventListener('scroll', onScroll);
  }, [set]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `content` is the trigger: new text was rendered
  useLayoutEffect(() => {
    if (followingRef.current) scrollToEnd();
  }, [content]);

  const jumpToLive = useCallback(() => {
    set(true);
    scrollToEnd();
  }, [set]);

  return { following, jumpToLive };
}
