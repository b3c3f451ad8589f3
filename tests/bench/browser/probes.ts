/**
 * Scripts the browser benchmark installs in a page, as source text (transpilers that keep function
 * names would inject helpers the page lacks). Every figure is read back with `page.evaluate`.
 *
 * - Key latency: from a keydown's timestamp to just after the next animation frame (a
 *   requestAnimationFrame callback, then a message-channel task: the frame has been produced by
 *   then). The Event Timing API only reports events of 16 ms or more; this sees every key.
 * - Long tasks (PerformanceObserver `longtask`), from page start.
 * - Remote paint: for each transaction that arrives from the server, the speaker and text length
 *   of every speaker block it changed, stamped with the wall-clock time just after the next frame,
 *   to be matched with the time the remote client made that change.
 */

/**
 * Installed before any page script runs (page.addInitScript). It also stands in for React's
 * devtools hook to count React commits: each commit while the editor has the focus makes React
 * walk the editable's text nodes to save and restore the selection, so commits per key matter.
 */
export const INIT_PROBES = `(() => {
  const probe = { keys: [], longTasks: [], remote: [], commits: 0, open: {} };
  window.__bench = probe;
  // the opening's milestones (ms from navigation start): the collaboration socket created, open,
  // the first part of the document received and the sync answer (its last part) received, with
  // the document's bytes; the first block shown
  const NativeSocket = window.WebSocket;
  window.WebSocket = class extends NativeSocket {
    constructor(...args) {
      super(...args);
      if (!String(args[0]).includes('/collab') || probe.open.socketCreated !== undefined) return;
      probe.open.socketCreated = performance.now();
      probe.open.documentBytes = 0;
      this.addEventListener('open', () => { probe.open.socketOpen ??= performance.now(); });
      this.addEventListener('message', (e) => {
        if (probe.open.documentReceived !== undefined || !(e.data instanceof ArrayBuffer)) return;
        // a sync message (0) carrying an update (2) or the sync answer (1)
        const head = new Uint8Array(e.data, 0, Math.min(2, e.data.byteLength));
        if (head[0] !== 0 || (head[1] !== 1 && head[1] !== 2)) return;
        probe.open.documentFirst ??= performance.now();
        probe.open.documentBytes += e.data.byteLength;
        if (head[1] === 1) probe.open.documentReceived = performance.now();
      });
    }
  };
  // checked once a frame: the first block in the editable record, then every block expected
  // (window.__benchExpectBlocks, set by the benchmark) in the page
  const shown = () => {
    if (probe.open.firstBlock === undefined && document.querySelector('.record[contenteditable="true"] section[data-speaker-block]')) {
      probe.open.firstBlock = performance.now();
    }
    if (probe.open.firstBlock !== undefined && document.querySelectorAll('.record section[data-speaker-block]').length >= (window.__benchExpectBlocks || 1)) {
      probe.open.allBlocks = performance.now();
      return;
    }
    requestAnimationFrame(shown);
  };
  requestAnimationFrame(shown);
  if (!window.__REACT_DEVTOOLS_GLOBAL_HOOK__) {
    window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
      supportsFiber: true,
      renderers: new Map(),
      inject() { return 1; },
      onCommitFiberRoot() { probe.commits++; },
      onCommitFiberUnmount() {},
      onPostCommitFiberRoot() {},
      onScheduleFiberRoot() {},
      checkDCE() {},
    };
  }
  const afterFrame = (fn) => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => fn();
    ch.port2.postMessage(0);
  });
  probe.afterFrame = afterFrame;
  document.addEventListener('keydown', (e) => {
    if (!probe.recordKeys) return;
    const t0 = e.timeStamp;
    afterFrame(() => probe.keys.push(performance.now() - t0));
  }, true);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})()`;

/**
 * Start recording remote paints from the session page's Y.Doc (window.__rapporteur), and when
 * each remote change reached the page's document (the start of its transaction: what the server,
 * the network and the page's queue cost, before the editor's own work).
 */
export const WATCH_REMOTE = `(() => {
  const probe = window.__bench;
  probe.arrived = [];
  const doc = window.__rapporteur.doc;
  const blockOf = (t) => {
    for (let n = t; n; n = n.parent) if (n.nodeName === 'speakerBlock') return n;
    return null;
  };
  let started = 0;
  doc.on('beforeTransaction', () => { started = performance.timeOrigin + performance.now(); });
  doc.on('afterTransaction', (tr) => {
    if (tr.local) return;
    const seen = [];
    for (const type of tr.changed.keys()) {
      if (typeof type.toDelta !== 'function') continue;
      const block = blockOf(type);
      const speaker = block && block.getAttribute('speaker');
      if (speaker && speaker.startsWith('Remote ')) seen.push(speaker + '|' + type.length);
    }
    if (!seen.length) return;
    for (const key of seen) probe.arrived.push([key, started]);
    probe.afterFrame(() => {
      const at = performance.timeOrigin + performance.now();
      for (const key of seen) probe.remote.push([key, at]);
    });
  });
})()`;

/** Figures of the page: DOM size, form controls inside the editable, long tasks so far. */
export const PAGE_FIGURES = `(() => ({
  domNodes: document.getElementsByTagName('*').length,
  formControls: document.querySelectorAll('[contenteditable] input, [contenteditable] select, [contenteditable] textarea').length,
  longTasks: window.__bench.longTasks.slice(),
  // what the page fetched and marked while opening, ms from navigation start (--timeline)
  timeline: performance.getEntries()
    .filter((e) => e.entryType === 'resource' || e.entryType === 'mark' || e.entryType === 'paint')
    .map((e) => ({ name: e.name.replace(location.origin, ''), type: e.entryType, start: e.startTime, end: e.responseEnd ?? e.startTime })),
  open: (() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const copy = performance.getEntriesByName('rapporteur:offline-copy-load')[0];
    return {
      html: nav ? nav.responseEnd : NaN,
      scripts: nav ? nav.domContentLoadedEventEnd : NaN,
      offlineCopy: copy ? copy.startTime : undefined,
      ...window.__bench.open,
    };
  })(),
}))()`;
