/**
 * Page object of the observer view (`/observe/:id`): what a reader sees and does. The view has no
 * carets, so its text is read from the page itself.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';

/** Anything a person could edit or type into, which the observer view must not have. */
const EDITING_CONTROLS =
  'main input, main textarea, main select, main [contenteditable], main .toolbar, main .ProseMirror';

export class ObserverPage {
  constructor(readonly page: Page) {}

  /** Open the observer view of a session, with an observer link's token or (public sessions) none. */
  static async open(
    context: BrowserContext,
    baseUrl: string,
    sessionId: string,
    token: string | null,
  ): Promise<ObserverPage> {
    const page = await context.newPage();
    const query = token ? `?token=${encodeURIComponent(token)}` : '';
    await page.goto(`${baseUrl}/observe/${sessionId}${query}`);
    return new ObserverPage(page);
  }

  /** Wait until the record is shown and the page is connected. */
  async waitForLive(timeout = 20_000): Promise<void> {
    await this.page.locator('[data-testid="connection"][data-state="connected"]').waitFor({ timeout });
  }

  /** The rendered record's text. */
  async text(): Promise<string> {
    const record = this.page.locator('.record-view, .record-empty').first();
    await record.waitFor();
    return (await record.textContent()) ?? '';
  }

  /** Speakers of the blocks on screen, in order. */
  speakers(): Promise<string[]> {
    return this.page.locator('.rv-block .rv-speaker').allTextContents();
  }

  /** The session's state: "In progress", "In review" or "Final" (its `data-state`: live, review, final). */
  get sessionState(): Locator {
    return this.page.getByTestId('session-status');
  }

  /** What the state means for the record, beside the date ("Final minutes" …). */
  get stateMeaning(): Locator {
    return this.page.getByTestId('session-meaning');
  }

  /** The connection indicator (its `data-state`: connecting, connected, reconnecting, offline). */
  get connection(): Locator {
    return this.page.getByTestId('connection');
  }

  /** The button that brings the newest text back into view. */
  get jumpToLive(): Locator {
    return this.page.getByRole('button', { name: /Jump to (the newest text|the end)/ });
  }

  /** How many editing controls the page has (must be none). */
  editingControls(): Promise<number> {
    return this.page.locator(EDITING_CONTROLS).count();
  }

  /** Pixels between the bottom of the viewport and the end of the page. */
  distanceToEnd(): Promise<number> {
    return this.page.evaluate(() => {
      const root = document.scrollingElement ?? document.documentElement;
      return root.scrollHeight - (root.scrollTop + window.innerHeight);
    });
  }

  /** Current vertical scroll position. */
  scrollY(): Promise<number> {
    return this.page.evaluate(() => window.scrollY);
  }

  /** Scroll up as a reader does, with the mouse wheel. */
  async scrollUp(pixels: number): Promise<void> {
    const size = this.page.viewportSize();
    await this.page.mouse.move((size?.width ?? 800) / 2, (size?.height ?? 600) / 2);
    await this.page.mouse.wheel(0, -pixels);
  }

  /** Reload and wait for the record. */
  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitForLive();
  }
}
