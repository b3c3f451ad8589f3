/**
 * The session page in a real browser against a real server process: two note-takers type at
 * once, Ctrl+Enter starts the next speaker, text survives a reload and a server restart, and the
 * status says "saved" only once the server has stored it.
 */
import { describe, expect, it } from 'vitest';
import { TEST_ADMIN_TOKEN } from '../helpers/server.ts';
import { browserUnavailable } from './browser.ts';
import { browserSuite } from './harness.ts';
import { SessionPage } from './pages/sessionPage.ts';

const unavailable = browserUnavailable();
if (unavailable) console.warn(unavailable);

describe.skipIf(unavailable !== null)('session page in Chromium', () => {
  const suite = browserSuite();

  it('a session created on the list page opens ready to minute, with links to hand out', async () => {
    const page = await (await suite.freshContext()).newPage();
    await page.goto(`${suite.url}/?admin=${TEST_ADMIN_TOKEN}`);
    await page.getByRole('button', { name: 'Create session' }).click();
    // in plain words, beside the field (issue 13, item 11)
    await expect.poll(() => page.locator('#create-title-error').textContent()).toBe('Give the session a title.');
    expect(await page.getByLabel('Title', { exact: true }).getAttribute('aria-invalid')).toBe('true');

    await page
      .getByLabel('Title', { exact: true })
      .fill('CND intersessional: 24 January 2017 – Operational recommendations');
    await page.getByRole('button', { name: 'Create session' }).click();
    const session = new SessionPage(page, suite.url);
    await session.giveNameIfAsked('Ana');
    await session.waitForLive();
    expect(page.url()).toMatch(/\/s\/[0-9a-f-]{36}$/); // no token left in the address
    await expect
      .poll(() => session.title.textContent())
      .toBe('CND intersessional: 24 January 2017 – Operational recommendations');
    await session.waitForBlocks(1);

    // shown at once after creating (issue 13, item 10)
    const noteTakerLink = await page.getByLabel('Note-takers link').inputValue();
    expect(noteTakerLink).toMatch(new RegExp(`^${suite.url}/s/[0-9a-f-]{36}\\?token=`));
    // a colleague opening that link joins as a note-taker
    const ben = await (await suite.freshContext()).newPage();
    await ben.goto(noteTakerLink);
    const benSession = new SessionPage(ben, suite.url);
    await benSession.giveNameIfAsked('Ben');
    await benSession.waitForLive();
    await expect.poll(() => benSession.presenceNames()).toEqual(['Ben (you)', 'Ana']);

    await page.goto(suite.url);
    await expect.poll(() => page.locator('.sessions').textContent()).toContain('Operational recommendations');
  });

  it('a session link opens straight into the record, never through the page-loading placeholder', async () => {
    // React 19 holds a page back until 300 ms after a Suspense fallback appeared, however soon
    // its code arrives: the page a tab opens at is loaded before the first render (issue 17)
    const s = await suite.newSession('CND intersessional: opening');
    const ctx = await suite.freshContext();
    await ctx.addInitScript(() => {
      const w = window as unknown as { placeholderAt: number | null };
      w.placeholderAt = null;
      new MutationObserver(() => {
        if (w.placeholderAt === null && document.querySelector('main > p.page.muted'))
          w.placeholderAt = performance.now();
      }).observe(document, { childList: true, subtree: true });
    });
    const ana = await SessionPage.open(ctx, suite.url, s.id, { token: s.noteTaker, name: 'Ana' });
    await ana.waitForBlocks(1);
    // the loading line may show only once the page's wait for its code ran out: on a machine so
    // loaded that the code takes longer than that to arrive and run
    const { placeholderAt, waitFrom, bound } = await ana.page.evaluate(() => {
      const mark = performance.getEntriesByName('rapporteur:first-render-wait')[0] as PerformanceMark | undefined;
      return {
        placeholderAt: (window as unknown as { placeholderAt: number | null }).placeholderAt,
        waitFrom: mark?.startTime ?? NaN,
        bound: (mark?.detail as number | undefined) ?? NaN,
      };
    });
    expect(bound).toBeGreaterThan(0);
    if (placeholderAt !== null) expect(placeholderAt - waitFrom).toBeGreaterThanOrEqual(bound - 5);
    // the session page's code was asked for beside the application's script, named in the page's
    // HTML, not once that script had arrived and run (server/src/http/pagePreloads.ts)
    const fetched = await ana.page.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => ({
        file: new URL(r.name).pathname,
        start: r.startTime,
        end: r.responseEnd,
      })),
    );
    const app = fetched.find((r) => /^\/assets\/index-.*\.js$/.test(r.file));
    const sessionPage = fetched.find((r) => /^\/assets\/SessionPage-.*\.js$/.test(r.file));
    expect(app && sessionPage).toBeTruthy();
    expect(sessionPage!.start).toBeLessThan(app!.end);
    // pages reached later in the same tab still load their code on demand
    await ana.page.getByRole('link', { name: 'Search' }).click();
    await ana.page.getByRole('heading', { name: 'Search the minutes' }).waitFor();
  });

  it('a returning note-taker’s record opens while the access check is still out, and closes when that check fails', async () => {
    // the record is opened ahead of the page with the link's token (issue 17): socket and
    // offline copy work while the page's code runs and its access is being checked
    const s = await suite.newSession('CND intersessional: opening ahead');
    const ctx = await suite.freshContext();
    await ctx.addInitScript(() =>
      localStorage.setItem('rapporteur:user', JSON.stringify({ name: 'Ana', color: '#1f6feb' })),
    );
    let answeredAt = Number.POSITIVE_INFINITY;
    let failCheck = false;
    await ctx.route(/\/api\/sessions\/[^/]+\/me$/, async (route) => {
      await new Promise((r) => setTimeout(r, 3_000));
      answeredAt = Date.now();
      if (failCheck) await route.fulfill({ status: 500, body: '{"error":"the check failed"}' });
      else await route.continue();
    });
    const sockets: { at: number; closed: () => boolean }[] = [];
    ctx.on('page', (p) =>
      p.on('websocket', (ws) => {
        if (!ws.url().includes('/collab')) return;
        let closed = false;
        ws.on('close', () => {
          closed = true;
        });
        sockets.push({ at: Date.now(), closed: () => closed });
      }),
    );
    const ana = await SessionPage.open(ctx, suite.url, s.id, { token: s.noteTaker, name: 'Ana' });
    expect(sockets.length).toBeGreaterThan(0);
    expect(sockets[0]!.at).toBeLessThan(answeredAt);
    // the page took the record it opened ahead: one socket, not a second one after the check
    expect(sockets.length).toBe(1);
    await ana.type('Opened ahead.');
    await ana.waitForSaved();

    // the same, when the check fails: the page says so, and the record opened ahead is closed
    failCheck = true;
    await ana.page.reload();
    await ana.page.getByText('Cannot open this session').waitFor();
    expect(sockets.length).toBe(2);
    await expect.poll(() => sockets[1]!.closed()).toBe(true);
  });

  it('on a network too slow for the session page code, shows the shell and its loading line first, then the record', async () => {
    const s = await suite.newSession('CND intersessional: slow network');
    const ctx = await suite.freshContext();
    // the session page's code takes 2.5 s to arrive
    await ctx.route(/\/assets\/SessionPage-[^/]*\.js$/, async (route) => {
      await new Promise((r) => setTimeout(r, 2_500));
      await route.continue();
    });
    const page = await ctx.newPage();
    await page.goto(`${suite.url}/s/${s.id}?token=${encodeURIComponent(s.noteTaker)}`);
    await page.locator('main > p.page.muted', { hasText: 'Loading…' }).waitFor({ timeout: 2_400 });
    expect(await page.locator('header.topbar').isVisible()).toBe(true);
    const ana = new SessionPage(page, suite.url);
    await ana.giveNameIfAsked('Ana');
    await ana.waitForBlocks(1);
  });

  it('two note-takers type into speaker blocks and each sees the other’s text and caret', async () => {
    const s = await suite.newSession('CND intersessional: 24 January 2017');
    const ana = await SessionPage.open(await suite.freshContext(), suite.url, s.id, {
      token: s.noteTaker,
      name: 'Ana',
    });
    // an empty session opens with one speaker block, its speaker field ready to type
    await expect.poll(() => ana.title.textContent()).toBe('CND intersessional: 24 January 2017');
    await ana.waitForBlocks(1);
    expect((await ana.focused()).field).toBe('speaker');
    await ana.type('Malta');
    await ana.page.keyboard.press('Enter'); // Enter in a header field goes to the statement
    await ana.type('The EU and its Member States fully support the three recommendations.');

    const ben = await SessionPage.open(await suite.freshContext(), suite.url, s.id, {
      token: s.noteTaker,
      name: 'Ben',
    });
    await ben.waitForBlocks(1);
    expect(await ben.speakerBlocks.count()).toBe(1); // Ben did not add a second first block
    await ben.clickIntoBody(0);
    await ben.nextSpeaker();
    await ben.type('Argentina');
    await ben.page.keyboard.press('Enter');
    await ben.type('We promote a balanced and comprehensive approach.');
    // Ana keeps typing in her block while Ben types in his
    await ana.type(' Thank you, Chair.');

    for (const page of [ana, ben]) {
      await expect
        .poll(async () => (await page.record()).filter((n) => n.type === 'speakerBlock' || n.text !== ''), {
          timeout: 15_000,
        })
        .toEqual([
          expect.objectContaining({
            type: 'speakerBlock',
            attrs: expect.objectContaining({ speaker: 'Malta' }),
            text: 'The EU and its Member States fully support the three recommendations. Thank you, Chair.',
          }),
          expect.objectContaining({
            type: 'speakerBlock',
            attrs: expect.objectContaining({ speaker: 'Argentina' }),
            text: 'We promote a balanced and comprehensive approach.',
          }),
        ]);
    }
    await expect.poll(() => ana.caretNames(), { timeout: 15_000 }).toContain('Ben');
    await expect.poll(() => ben.caretNames(), { timeout: 15_000 }).toContain('Ana');
    await expect.poll(() => ana.presenceNames()).toEqual(['Ana (you)', 'Ben']);
  });

  it('Ctrl+Enter starts a new speaker block, timed now, with the cursor in its speaker field', async () => {
    const s = await suite.newSession('Ctrl+Enter');
    const page = await SessionPage.open(await suite.freshContext(), suite.url, s.id, {
      token: s.noteTaker,
      name: 'Ana',
    });
    await page.waitForBlocks(1);
    await page.type('Chair');
    await page.page.keyboard.press('Tab'); // affiliation
    await page.page.keyboard.press('Tab'); // on behalf of
    await page.page.keyboard.press('Tab'); // kind
    await page.page.keyboard.press('Tab'); // time
    await page.page.keyboard.press('Tab'); // Tab from the last header field: into the statement
    expect((await page.focused()).inBody).toBe(true);
    await page.type('Good morning, distinguished delegates.');

    const before = Date.now();
    await page.nextSpeaker();
    await page.waitForBlocks(2);
    const focus = await page.focused();
    const blocks = (await page.record()).filter((n) => n.type === 'speakerBlock');
    expect(blocks).toHaveLength(2);
    const added = blocks[1]!;
    expect(focus).toEqual({ field: 'speaker', blockId: added.attrs.id, inBody: false });
    expect(added.attrs.id).not.toBe(blocks[0]!.attrs.id);
    const started = Date.parse(added.attrs.startedAt ?? '');
    expect(started).toBeGreaterThanOrEqual(before - 60_000);
    expect(started).toBeLessThanOrEqual(Date.now() + 60_000);

    // Shift+Tab from the statement goes back to the header
    await page.type('Russia');
    await page.page.keyboard.press('Enter');
    await page.type('We continue to have grave concerns.');
    await page.page.keyboard.press('Shift+Tab');
    expect((await page.focused()).field).toBe('startedAt');
    await expect
      .poll(async () => (await page.record()).filter((n) => n.type === 'speakerBlock').map((b) => b.attrs.speaker))
      .toEqual(['Chair', 'Russia']);
  });

  it('Ctrl+Enter in a blank block uses it rather than leaving it behind empty', async () => {
    const s = await suite.newSession('Blank block');
    const page = await SessionPage.open(await suite.freshContext(), suite.url, s.id, {
      token: s.noteTaker,
      name: 'Ana',
    });
    await page.waitForBlocks(1);
    const first = (await page.record()).find((n) => n.type === 'speakerBlock')!;
    await new Promise((r) => setTimeout(r, 1100)); // so that "now" differs from the seeded time
    // the empty session's first block: still one block, its time now, the cursor in its speaker field
    await page.nextSpeaker();
    await expect.poll(async () => (await page.focused()).field).toBe('speaker');
    const blocks = (await page.record()).filter((n) => n.type === 'speakerBlock');
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.attrs.id).toBe(first.attrs.id);
    expect(Date.parse(blocks[0]!.attrs.startedAt ?? '')).toBeGreaterThan(Date.parse(first.attrs.startedAt ?? ''));
    await page.type('Chair');
    await page.page.keyboard.press('Enter');
    await page.type('The meeting is called to order.');
    // from a written block: a new one; pressed again at once, still only that one
    await page.nextSpeaker();
    await page.waitForBlocks(2);
    await page.nextSpeaker();
    await page.type('Peru');
    await expect
      .poll(async () => (await page.record()).filter((n) => n.type === 'speakerBlock').map((b) => b.attrs.speaker))
      .toEqual(['Chair', 'Peru']);
  });

  it('Ctrl+Alt+A inserts an agenda item with the cursor in it: before a blank block, else after the current one', async () => {
    const s = await suite.newSession('Agenda');
    const page = await SessionPage.open(await suite.freshContext(), suite.url, s.id, {
      token: s.noteTaker,
      name: 'Ana',
    });
    await page.waitForBlocks(1);
    // the empty session's first block is blank: the heading goes above it
    await page.page.keyboard.press('Control+Alt+a');
    await page.type('Morning session');
    await page.clickField(0, 'speaker');
    await page.type('UNODC');
    await page.page.keyboard.press('Enter');
    await page.type('Today we will focus on countering money laundering.');
    // from a written block the heading goes after it; Ctrl+Enter from a heading adds a speaker below it
    await page.page.keyboard.press('Control+Alt+a');
    await page.type('Afternoon session');
    await page.nextSpeaker();
    await page.type('Brazil');
    await expect
      .poll(async () =>
        (await page.record()).filter((n) => n.type !== 'paragraph').map((n) => [n.type, n.attrs.speaker ?? n.text]),
      )
      .toEqual([
        ['agendaItem', 'Morning session'],
        ['speakerBlock', 'UNODC'],
        ['agendaItem', 'Afternoon session'],
        ['speakerBlock', 'Brazil'],
      ]);
    expect(await page.page.locator('.record h2[data-agenda-item]').count()).toBe(2);
  });

  it('shows "saved" once the server stored the text, and the text survives a reload and a new browser', async () => {
    const s = await suite.newSession('Reload');
    const ctx = await suite.freshContext();
    const page = await SessionPage.open(ctx, suite.url, s.id, { token: s.noteTaker, name: 'Ana' });
    await page.waitForBlocks(1);
    await page.type('Singapore');
    await page.page.keyboard.press('Enter');
    await page.type('We have strong command and operational cooperation.');
    await page.waitForSaved();
    await expect(page.saveStatus.textContent()).resolves.toBe('Saved');
    expect(await page.recordText()).toContain('We have strong command and operational cooperation.');

    await page.reload();
    expect(await page.recordText()).toContain('We have strong command and operational cooperation.');
    await expect(page.fieldValue(0, 'speaker')).resolves.toBe('Singapore');
    expect(await page.speakerBlocks.count()).toBe(1);

    // a browser without the offline copy gets it from the server
    const other = await SessionPage.open(await suite.freshContext(), suite.url, s.id, {
      token: s.noteTaker,
      name: 'Ben',
    });
    await expect.poll(() => other.recordText()).toContain('We have strong command and operational cooperation.');
  });

  it('goes offline when the server stops, keeps typing, and saves it all after the restart', async () => {
    const s = await suite.newSession('Restart');
    const page = await SessionPage.open(await suite.freshContext(), suite.url, s.id, {
      token: s.noteTaker,
      name: 'Ana',
    });
    await page.waitForBlocks(1);
    await page.type('Russia');
    await page.page.keyboard.press('Enter');
    await page.type('Before the outage.');
    await page.waitForSaved();

    await suite.stopServer();
    await page.waitForConnection('reconnecting');
    await page.type(' Typed while the server was down.');
    await expect.poll(() => page.saveStatus.getAttribute('data-state')).toBe('unsaved');
    await expect(page.saveStatus.textContent()).resolves.toMatch(/^\d+ changes? not yet saved$/);

    await suite.startServerAgain();
    await page.waitForLive(30_000);
    await page.waitForSaved();
    const other = await SessionPage.open(await suite.freshContext(), suite.url, s.id, {
      token: s.noteTaker,
      name: 'Ben',
    });
    await expect.poll(() => other.recordText()).toContain('Before the outage. Typed while the server was down.');
  });
});
