/**
 * Page object of the session page (`/s/:id`): what a note-taker sees and does, in their terms.
 * Document content is read from the page's Y.Doc (window.__rapporteur), not from innerText,
 * which also contains the other people's caret labels.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';

/** One top-level node of the record as the Y.Doc holds it. */
export interface RecordNode {
  type: string;
  attrs: Record<string, string>;
  text: string;
}

/**
 * Reads the Y.Doc's record fragment in the page. Kept as source text: transpilers that keep
 * function names (tsx, esbuild keepNames) would otherwise inject helpers the page lacks.
 */
const READ_RECORD = `(() => {
  const handle = window.__rapporteur;
  if (!handle) throw new Error('window.__rapporteur is not set: is the editor mounted?');
  const textOf = (n) => n.toDelta
    ? n.toDelta().map((d) => (typeof d.insert === 'string' ? d.insert : '')).join('')
    : (n.toArray ? n.toArray() : []).map(textOf).join(n.nodeName === 'speakerBlock' ? '\\n' : '');
  return handle.doc.getXmlFragment('record').toArray().map((n) => ({
    type: n.nodeName || 'text',
    attrs: n.getAttributes ? n.getAttributes() : {},
    text: textOf(n),
  }));
})()`;

/** The header fields of a speaker block, by their `data-field`. */
export type HeaderFieldName = 'speaker' | 'affiliation' | 'onBehalfOf' | 'kind' | 'startedAt';

export class SessionPage {
  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  /** Open a session in a new page of `context` with a link token, answering the name question. */
  static async open(
    context: BrowserContext,
    baseUrl: string,
    sessionId: string,
    opts: { token: string; name: string },
  ): Promise<SessionPage> {
    const page = await context.newPage();
    const sp = new SessionPage(page, baseUrl);
    await page.goto(`${baseUrl}/s/${sessionId}?token=${encodeURIComponent(opts.token)}`);
    await sp.giveNameIfAsked(opts.name);
    await sp.waitForLive();
    return sp;
  }

  /** The first visit asks who is taking notes; later visits remember it. */
  async giveNameIfAsked(name: string): Promise<void> {
    const field = this.page.getByLabel('Your name');
    const editor = this.page.locator('.record');
    await field.or(editor).first().waitFor();
    if (await field.isVisible()) {
      await field.fill(name);
      await this.page.getByRole('button', { name: 'Start taking notes' }).click();
    }
    await editor.waitFor();
  }

  /** The session's title as the page shows it. */
  get title(): Locator {
    return this.page.locator('h1.session-title');
  }

  /** The connection indicator. */
  get connection(): Locator {
    return this.page.getByTestId('connection');
  }

  /** The session's state badge in the header (In progress / In review / Final). */
  get sessionState(): Locator {
    return this.page.getByTestId('session-status');
  }

  /** "N watching": how many observers follow the record (they are not named). */
  get watching(): Locator {
    return this.page.getByTestId('watching');
  }

  /** The save indicator. */
  get saveStatus(): Locator {
    return this.page.getByTestId('save');
  }

  /** Wait until the page is connected and synced with the server. */
  async waitForLive(timeout = 20_000): Promise<void> {
    await this.waitForConnection('connected', timeout);
  }

  /** Wait until the connection indicator shows `state`. */
  async waitForConnection(
    state: 'connecting' | 'connected' | 'reconnecting' | 'offline',
    timeout = 20_000,
  ): Promise<void> {
    await this.page.locator(`[data-testid="connection"][data-state="${state}"]`).waitFor({ timeout });
  }

  /** Wait until the server has acknowledged every change typed here. */
  async waitForSaved(timeout = 20_000): Promise<void> {
    await this.page.locator('[data-testid="save"][data-state="saved"]').waitFor({ timeout });
  }

  /** All speaker blocks on screen, in order. */
  get speakerBlocks(): Locator {
    return this.page.locator('.record section[data-speaker-block]');
  }

  /** Wait for at least `n` speaker blocks. */
  async waitForBlocks(n: number, timeout = 20_000): Promise<void> {
    await this.speakerBlocks.nth(n - 1).waitFor({ timeout });
  }

  /**
   * A header field of the i-th speaker block, as a form control. Only the block being edited (the
   * one holding the caret, or whose header was clicked) has them; other headers are plain text
   * (see clickField, fieldValue).
   */
  field(i: number, name: HeaderFieldName): Locator {
    return this.speakerBlocks.nth(i).locator(`[data-field="${name}"]`);
  }

  /** The i-th block's header field as shown: its control, or the text standing for it. */
  private shownField(i: number, name: HeaderFieldName | 'status'): Locator {
    return this.speakerBlocks.nth(i).locator(`[data-field="${name}"], [data-shows="${name}"]`);
  }

  /** Click a header field of the i-th block (a click on a plain header opens its fields there). */
  async clickField(i: number, name: HeaderFieldName): Promise<void> {
    await this.shownField(i, name).click();
  }

  /** A header field's value as the page shows it, in the field or as plain text. */
  fieldValue(i: number, name: HeaderFieldName): Promise<string> {
    return this.shownField(i, name).evaluate((el) =>
      el instanceof HTMLInputElement || el instanceof HTMLSelectElement ? el.value : (el.textContent ?? ''),
    );
  }

  /** Open the i-th block's header fields if they are plain text (a click on its speaker). */
  async openHeader(i: number): Promise<void> {
    if ((await this.field(i, 'speaker').count()) > 0) return;
    await this.clickField(i, 'speaker');
    await this.field(i, 'speaker').waitFor();
  }

  /** Whether the note-taker can change the i-th block's header: a click on it gives a field that takes input. */
  async headerEditable(i: number): Promise<boolean> {
    await this.clickField(i, 'speaker');
    await this.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    const field = this.field(i, 'speaker');
    return (await field.count()) > 0 && !(await field.isDisabled());
  }

  /** Put the caret at the end of the i-th block's statement. */
  async clickIntoBody(i: number): Promise<void> {
    // click at the bottom right of the last paragraph (its last line), then go to the line's end
    const last = this.speakerBlocks.nth(i).locator('.sb-body p').last();
    const box = await last.boundingBox();
    if (!box) throw new Error(`speaker block ${i} has no visible paragraph`);
    await last.click({ position: { x: box.width - 2, y: box.height - 4 } });
    await this.page.keyboard.press('End');
  }

  /** Type as a person does, key by key, wherever the focus is. */
  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  /** Ctrl+Enter: start the next speaker block. */
  async nextSpeaker(): Promise<void> {
    await this.page.keyboard.press('Control+Enter');
  }

  /** The `data-field` of the focused element and the id of the speaker block it is in. */
  focused(): Promise<{ field: string | null; blockId: string | null; inBody: boolean }> {
    return this.page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const block = el?.closest('section[data-speaker-block]') as HTMLElement | null;
      const sel = window.getSelection();
      const anchor = sel?.anchorNode instanceof Element ? sel.anchorNode : (sel?.anchorNode?.parentElement ?? null);
      return {
        field: el?.getAttribute('data-field') ?? null,
        blockId: block?.getAttribute('data-id') ?? null,
        inBody: !!(el?.classList.contains('record') && anchor?.closest('.sb-body')),
      };
    });
  }

  /**
   * What the page shows a person and where their keystrokes go, for a failing test's message:
   * the focus, the record's text, the save and connection pills, any question or notice.
   */
  async snapshot(): Promise<string> {
    const shown = await this.page.evaluate(() => {
      const text = (sel: string) => Array.from(document.querySelectorAll(sel), (e) => e.textContent?.trim() ?? '');
      return {
        active: document.activeElement ? `${document.activeElement.tagName}.${document.activeElement.className}` : null,
        save: text('[data-testid="save"]'),
        connection: text('[data-testid="connection"]'),
        notices: text('.notice, [role="alert"], [data-testid="claim-prompt"]'),
      };
    });
    return JSON.stringify({ ...shown, focused: await this.focused(), text: await this.recordText() });
  }

  /** The record's top-level nodes, read from the Y.Doc. */
  record(): Promise<RecordNode[]> {
    return this.page.evaluate(READ_RECORD) as Promise<RecordNode[]>;
  }

  /** All text of the record (bodies and headings), from the Y.Doc. */
  async recordText(): Promise<string> {
    return (await this.record()).map((n) => n.text).join('\n');
  }

  /** Names on the other people's carets. */
  caretNames(): Promise<string[]> {
    return this.page.locator('.collaboration-carets__label').allTextContents();
  }

  /** Names in the presence list. */
  presenceNames(): Promise<string[]> {
    return this.page.getByTestId('presence').locator('.person').allTextContents();
  }

  /** Reload the page and wait until it is live again. */
  async reload(): Promise<void> {
    await this.page.reload();
    await this.page.locator('.record').waitFor();
    await this.waitForLive();
  }

  /** The address of this server. */
  get url(): string {
    return this.baseUrl;
  }

  /** The review status select of the i-th block (editors only). */
  reviewControl(i: number): Locator {
    return this.speakerBlocks.nth(i).locator('[data-field="status"]');
  }

  /** Set the i-th block's review status (as an editor). */
  async setReview(i: number, status: 'draft' | 'checked' | 'final'): Promise<void> {
    await this.openHeader(i);
    await this.reviewControl(i).selectOption(status);
  }

  /** The "checked by … at …" line of the i-th block. */
  reviewNote(i: number): Locator {
    return this.speakerBlocks.nth(i).getByTestId('review-note');
  }

  /** "read-only" on the i-th block (a final block, for a note-taker). */
  lockedNote(i: number): Locator {
    return this.speakerBlocks.nth(i).getByTestId('locked-note');
  }

  /** "changed after check by …" / "changed in review by …" on the i-th block. */
  changeNote(i: number): Locator {
    return this.speakerBlocks.nth(i).getByTestId('change-note');
  }

  /** Mark the change on the i-th block as seen (editors). */
  async markChangeSeen(i: number): Promise<void> {
    await this.openHeader(i);
    await this.speakerBlocks.nth(i).getByTestId('change-seen').click();
  }

  /** The short message the cockpit shows (a refused edit, a lost race). */
  get notice(): Locator {
    return this.page.getByTestId('cockpit-notice');
  }

  /** Switch "Show only blocks not yet checked". */
  async showOnlyUnchecked(on: boolean): Promise<void> {
    await this.page.getByLabel('Show only blocks not yet checked').setChecked(on);
  }

  /** The notice that the record was written by a newer version of the application. */
  get newerSchemaNotice(): Locator {
    return this.page.getByTestId('newer-schema');
  }

  /** Open a session whose record is expected to be read-only for being newer than this client. */
  async openNewer(sessionId: string, token: string, name: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/s/${sessionId}?token=${encodeURIComponent(token)}`);
    const field = this.page.getByLabel('Your name');
    await field.or(this.newerSchemaNotice).first().waitFor();
    if (await field.isVisible()) {
      await field.fill(name);
      await this.page.getByRole('button', { name: 'Start taking notes' }).click();
    }
    await this.newerSchemaNotice.waitFor();
  }

  /** The "Final — locked" banner. */
  get finalBanner(): Locator {
    return this.page.getByTestId('final-banner');
  }

  /** Whether the record accepts typing. */
  async isEditable(): Promise<boolean> {
    return (await this.page.locator('.record').getAttribute('contenteditable')) === 'true';
  }

  /** Move the session from in progress to in review (editor) and wait until the page says so. */
  async moveToReview(): Promise<void> {
    await this.page.getByRole('button', { name: 'Move to review' }).click();
    await this.page.locator('[data-testid="session-status"][data-state="review"]').waitFor();
  }

  /** Finalise the minutes (editor), confirming, and wait until the page shows them locked. */
  async finalise(): Promise<void> {
    await this.page.getByRole('button', { name: 'Finalise…' }).click();
    await this.page.getByRole('button', { name: 'Finalise now' }).click();
    await this.finalBanner.waitFor();
  }

  /** Reopen final minutes (editor) and wait until the page is editable again. */
  async reopen(): Promise<void> {
    await this.page.getByRole('button', { name: 'Reopen' }).click();
    await this.finalBanner.waitFor({ state: 'detached' });
  }

  /** Whether `window.__xss` was set by anything on this page. */
  xssFired(): Promise<boolean> {
    return this.page.evaluate(() => (window as { __xss?: unknown }).__xss !== undefined);
  }
}
