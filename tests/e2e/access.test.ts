/**
 * Access a person can see and trust (issue 13, items 9 and 10), in Chromium against the built
 * server: the admin URL makes a browser admin and leaves the address bar at once; a visitor
 * without it sees no sessions and no controls, even from the server's own machine; a note-taker
 * is offered no "make an editor link"; after creating a session the three links are shown at once,
 * each labelled by role with what it allows and its own copy button.
 */
import { describe, expect, it } from 'vitest';
import { TEST_ADMIN_TOKEN } from '../helpers/server.ts';
import { browserUnavailable } from './browser.ts';
import { browserSuite } from './harness.ts';
import { SessionListPage } from './pages/sessionListPage.ts';
import { SessionPage } from './pages/sessionPage.ts';

const unavailable = browserUnavailable();
if (unavailable) console.warn(unavailable);

describe.skipIf(unavailable !== null)('access in Chromium', () => {
  const suite = browserSuite();

  it('a visitor without the admin secret sees no session list and no way to create one', async () => {
    await suite.newSession('A private meeting');
    const page = await (await suite.freshContext()).newPage();
    const list = new SessionListPage(page, suite.url);
    await list.open();
    await list.visitorWelcome.waitFor();
    expect(await list.visitorWelcome.textContent()).toContain('admin URL');
    expect(await list.createButton.count()).toBe(0);
    expect(await list.sessionList.count()).toBe(0);
    expect(await page.content()).not.toContain('A private meeting');
  });

  it('the admin URL makes the browser admin, and its secret leaves the address bar at once', async () => {
    const page = await (await suite.freshContext()).newPage();
    const list = new SessionListPage(page, suite.url);
    await list.open(TEST_ADMIN_TOKEN);
    await list.createButton.waitFor();
    expect(page.url()).toBe(`${suite.url}/`);
    expect(await page.evaluate(() => localStorage.getItem('rapporteur:admin-token'))).toBe(TEST_ADMIN_TOKEN);
    // the history entry was replaced, not added to: going back and forth never shows the secret
    await page.goBack();
    expect(page.url()).not.toContain(TEST_ADMIN_TOKEN);
    await page.goForward();
    await list.createButton.waitFor();
    expect(page.url()).toBe(`${suite.url}/`);
    // kept: a later visit without the secret in the address is still the admin's
    await list.open();
    await list.createButton.waitFor();
  });

  it('after creating a session its three links are shown at once, labelled by role, each with its own copy button', async () => {
    const context = await suite.freshContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    const list = new SessionListPage(page, suite.url);
    await list.open(TEST_ADMIN_TOKEN);
    await list.create('Links at once');
    await new SessionPage(page, suite.url).giveNameIfAsked('Ana');

    const links = new Map<string, string>();
    for (const role of ['note-taker', 'editor', 'observer'] as const) {
      await expect.poll(() => list.linkField(role).isVisible()).toBe(true); // not behind a click
      links.set(role, await list.linkField(role).inputValue());
      expect(await list.copyButton(role).isVisible()).toBe(true);
      expect((await list.roleDescription(role).textContent())?.length).toBeGreaterThan(10);
    }
    expect(new Set(links.values()).size).toBe(3);
    expect(links.get('observer')).toContain('/observe/');
    for (const role of ['editor', 'note-taker'] as const) {
      await list.copyButton(role).click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(links.get(role));
    }
    expect(await list.roleDescription('observer').textContent()).toMatch(/cannot change/);
  });

  it('a note-taker is offered no link making, and a tokenless visitor of a session gets no controls', async () => {
    const s = await suite.newSession('Roles are links');
    const ana = await SessionPage.open(await suite.freshContext(), suite.url, s.id, {
      token: s.noteTaker,
      name: 'Ana',
    });
    expect(await ana.page.getByRole('button', { name: /^Make/ }).count()).toBe(0);
    expect(await ana.page.getByText('Links to hand out').count()).toBe(0);

    const visitor = await (await suite.freshContext()).newPage();
    await visitor.goto(`${suite.url}/s/${s.id}`);
    await visitor.getByRole('heading', { name: 'Cannot open this session' }).waitFor();
    expect(await visitor.locator('.record').count()).toBe(0);
    expect(await visitor.getByRole('button', { name: /^Make/ }).count()).toBe(0);
  });
});
