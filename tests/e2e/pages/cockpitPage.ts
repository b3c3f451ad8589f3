/**
 * Page object of the note-taker's cockpit on the session page: autocomplete in block headers, the
 * speakers list, claims, the meeting clock, action items and decisions, the offline banner. It
 * wraps the session page object and speaks in the note-taker's terms.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { SessionPage } from './sessionPage.ts';

/** The speakers list entry as the Y.Doc holds it. */
export interface ListEntry {
  name: string;
  status: 'waiting' | 'spoken';
  kind: string;
}

const READ_LIST = `(() => {
  const handle = window.__rapporteur;
  if (!handle) throw new Error('window.__rapporteur is not set');
  return handle.doc.getArray('speakersList').toArray().map((m) => ({
    name: m.get('name'), kind: m.get('kind'), rank: m.get('rank'), id: m.get('id'),
    status: m.get('taken') ? 'spoken' : 'waiting',
  })).sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : 1)).map(({ name, status, kind }) => ({ name, status, kind }));
})()`;

export class CockpitPage {
  constructor(readonly session: SessionPage) {}

  /** Open a session as `name` with a link token (see SessionPage.open). */
  static async open(
    context: BrowserContext,
    baseUrl: string,
    sessionId: string,
    opts: { token: string; name: string },
  ): Promise<CockpitPage> {
    return new CockpitPage(await SessionPage.open(context, baseUrl, sessionId, opts));
  }

  get page(): Page {
    return this.session.page;
  }

  /** The suggestions list that is open (there is at most one). */
  get suggestions(): Locator {
    return this.page.getByRole('listbox', { name: 'Suggestions' });
  }

  /** The names offered, in order. */
  suggestionNames(): Promise<string[]> {
    return this.suggestions.locator('.ac-name').allTextContents();
  }

  /** The suggestion currently chosen by the arrow keys (what Enter takes). */
  get activeSuggestion(): Locator {
    return this.suggestions.locator('[role="option"][aria-selected="true"] .ac-name');
  }

  /** The "not in registry" flag beside a header field of the i-th block. */
  unknownFlag(i: number): Locator {
    return this.session.speakerBlocks.nth(i).getByTestId('unknown-name');
  }

  /** The panel's list of names the registry does not know. */
  get unknownNames(): Locator {
    return this.page.getByTestId('unknown-names');
  }

  /** The panel beside (or below) the record. */
  get panel(): Locator {
    return this.page.getByTestId('cockpit-panel');
  }

  /** Add a speaker to the list by typing into its field and pressing Enter. */
  async addToList(text: string): Promise<void> {
    const field = this.page.getByLabel('Add a speaker to the list');
    await field.click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
    // the field starts over, empty, after each addition
    await this.page.waitForFunction(
      () => (document.querySelector('input[aria-label="Add a speaker to the list"]') as HTMLInputElement)?.value === '',
    );
  }

  /** Names waiting on the list, as the panel shows them. */
  waitingNames(): Promise<string[]> {
    return this.page.getByTestId('speaker-entry').locator('.sl-name').allTextContents();
  }

  /** The list as the document holds it (order, waiting or spoken). */
  list(): Promise<ListEntry[]> {
    return this.page.evaluate(READ_LIST) as Promise<ListEntry[]>;
  }

  /** The focusable entry for `name` on the list. */
  entry(name: string): Locator {
    return this.page.getByTestId('speaker-entry').filter({ hasText: name }).locator('.sl-item');
  }

  /** Ctrl+Shift+Enter: open a block for the next speaker on the list. */
  async takeNext(): Promise<void> {
    await this.page.keyboard.press('Control+Shift+Enter');
  }

  /** Other people's claims shown on the i-th block. */
  claimBadges(i: number): Locator {
    return this.session.speakerBlocks.nth(i).getByTestId('claim-badge');
  }

  /** The "I'm minuting this" button of the i-th block. */
  claimButton(i: number): Locator {
    return this.session.speakerBlocks.nth(i).getByTestId('claim-button');
  }

  /** "Ben is typing…" on the i-th block. */
  typingBadges(i: number): Locator {
    return this.session.speakerBlocks.nth(i).getByTestId('typing-badge');
  }

  /** The question asked before typing into a block someone else claimed. */
  claimPrompt(i: number): Locator {
    return this.session.speakerBlocks.nth(i).getByTestId('claim-prompt');
  }

  /** "minuting …" notes in the presence list. */
  presenceClaims(): Promise<string[]> {
    return this.page.getByTestId('presence').getByTestId('claim-note').allTextContents();
  }

  /** The meeting clock of the i-th block: offset from the session start ("+0:01:05") and duration ("0:40"). */
  async clock(i: number): Promise<{ offset: string | null; duration: string | null }> {
    const clock = this.session.speakerBlocks.nth(i).getByTestId('block-clock');
    const text = async (l: Locator) => ((await l.count()) ? l.textContent() : null);
    return { offset: await text(clock.locator('.sb-offset')), duration: await text(clock.locator('.sb-duration')) };
  }

  /** Entries of the actions list in the summary panel. */
  summaryActions(): Promise<string[]> {
    return this.page.getByTestId('summary-actions').locator('li').allTextContents();
  }

  /** Entries of the decisions list in the summary panel. */
  summaryDecisions(): Promise<string[]> {
    return this.page.getByTestId('summary-decisions').locator('li').allTextContents();
  }

  /** The banner shown while offline. */
  get offlineBanner(): Locator {
    return this.page.getByTestId('offline-banner');
  }

  /** Whether the page's collaboration socket is open. */
  socketOpen(): Promise<boolean> {
    return this.page.evaluate(() => {
      const provider = (window as { __rapporteur?: { provider: { wsconnected: boolean } } }).__rapporteur?.provider;
      return provider?.wsconnected ?? false;
    });
  }

  /** Wait until the service worker keeps the application shell (a reload then works offline). */
  async waitForOfflineShell(timeout = 20_000): Promise<void> {
    await this.page.locator('html[data-offline-shell="ready"]').waitFor({ state: 'attached', timeout });
  }

  /**
   * Wait until every change typed so far is in the offline copy. A read-only IndexedDB transaction
   * starts only after the read-write ones created before it on the same store have finished.
   */
  async flushOfflineCopy(sessionId: string): Promise<number> {
    return this.page.evaluate(
      (name) =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open(name);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const req = db.transaction('updates', 'readonly').objectStore('updates').count();
            req.onsuccess = () => {
              db.close();
              resolve(req.result);
            };
            req.onerror = () => reject(req.error);
          };
        }),
      `rapporteur:${sessionId}`,
    );
  }
}
