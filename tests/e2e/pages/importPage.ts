/**
 * Page object of the Import page (`/import`): paste a record, read the preview (warnings, the
 * blocks to check first, the sections), fix a block, create the session.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';

/** What may be fixed on a block in the preview. */
export interface BlockFields {
  speaker?: string;
  affiliation?: string;
  onBehalfOf?: string;
  /** The section's heading as the select shows it ("(before the first heading)" for none). */
  section?: string;
}

export class ImportPage {
  constructor(readonly page: Page) {}

  /** Open the Import page in a new tab; with `adminSecret`, through the admin URL's parameter. */
  static async open(context: BrowserContext, baseUrl: string, adminSecret?: string): Promise<ImportPage> {
    const page = await context.newPage();
    await page.goto(adminSecret ? `${baseUrl}/import?admin=${encodeURIComponent(adminSecret)}` : `${baseUrl}/import`);
    return new ImportPage(page);
  }

  /** Press "Create session" and read the refusal shown (the import form stays as it was). */
  async createRefused(): Promise<string> {
    await this.page.getByRole('button', { name: 'Create session' }).click();
    const alert = this.page.locator('.notice.error[role="alert"]');
    await alert.waitFor();
    return (await alert.textContent()) ?? '';
  }

  /** Type the admin secret into the form a refusal offers, and use it. */
  async useAdminSecret(secret: string): Promise<void> {
    await this.page.getByLabel('Admin secret').fill(secret);
    await this.page.getByRole('button', { name: 'Use secret' }).click();
    await this.page.locator('.notice.error[role="alert"]').waitFor({ state: 'detached' });
  }

  /** Paste a record into the text box and wait for its preview. */
  async paste(text: string): Promise<void> {
    await this.page.locator('textarea[name="text"]').fill(text);
    await this.page.locator('#preview-heading').waitFor();
  }

  /** The warnings the preview shows. */
  warnings(): Promise<string[]> {
    return this.page.locator('[data-testid="import-warnings"] li').allTextContents();
  }

  /** The editors of the blocks to check first, in the order shown. */
  checkFirst(): Locator {
    return this.page.locator('[data-testid="import-check"] [data-testid="block-editor"]');
  }

  /** The speaker lines of the section listing, in order. */
  listedBlocks(): Promise<string[]> {
    return this.page.locator('[data-testid="preview-block"] > strong').allTextContents();
  }

  /** Fill the fields of a block editor. */
  async fix(editor: Locator, fields: BlockFields): Promise<void> {
    if (fields.speaker !== undefined) await editor.locator('input[name="speaker"]').fill(fields.speaker);
    if (fields.affiliation !== undefined) await editor.locator('input[name="affiliation"]').fill(fields.affiliation);
    if (fields.onBehalfOf !== undefined) await editor.locator('input[name="onBehalfOf"]').fill(fields.onBehalfOf);
    if (fields.section !== undefined)
      await editor.locator('select[name="section"]').selectOption({ label: fields.section });
  }

  /** Open the form of the listed block whose speaker line starts with `who`, and fill it. */
  async fixListed(who: string, fields: BlockFields): Promise<void> {
    const found = this.page
      .locator('[data-testid="preview-block"]')
      .filter({ has: this.page.locator('strong', { hasText: who }) })
      .first();
    // held by its position in the parse: the speaker line changes as the fields are filled
    const id = await found.getAttribute('data-block');
    const item = this.page.locator(`[data-testid="preview-block"][data-block="${id}"]`);
    await item.getByRole('button', { name: 'fix' }).click();
    await this.fix(item.locator('[data-testid="block-editor"]'), fields);
  }

  /** Create the session and wait for its page; returns the session id. */
  async create(): Promise<string> {
    await this.page.getByRole('button', { name: 'Create session' }).click();
    await this.page.waitForURL(/\/s\/[0-9a-f-]{36}/);
    return new URL(this.page.url()).pathname.split('/')[2]!;
  }
}
