/** Page object of the versions side panel of a session page. */
import type { Locator, Page } from 'playwright-core';

export class VersionsPanel {
  constructor(readonly page: Page) {}

  /** The panel itself. */
  get root(): Locator {
    return this.page.getByRole('dialog', { name: 'Versions' });
  }

  /** Open the panel from the session page. */
  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Versions', exact: true }).click();
    await this.root.waitFor();
  }

  /** The list entry of the version called `name`. */
  item(name: string): Locator {
    return this.root.locator('li.version', {
      has: this.page.locator('.version-name').getByText(name, { exact: true }),
    });
  }

  /** Names of the listed versions, newest first. */
  names(): Promise<string[]> {
    return this.root.locator('.version-name').allTextContents();
  }

  /** Save the current text under `name` and wait for it to be listed. */
  async save(name: string): Promise<void> {
    await this.root.getByLabel('Save the current text as a version').fill(name);
    await this.root.getByRole('button', { name: 'Save version' }).click();
    await this.item(name).waitFor();
  }

  /** Show what changed since version `name` (compared with the current text). */
  async compare(name: string): Promise<void> {
    await this.item(name).getByRole('button', { name: 'Compare' }).click();
    await this.root.locator('.diff, .version-detail .form-error').first().waitFor();
  }

  /** Read version `name`. */
  async view(name: string): Promise<void> {
    await this.item(name).getByRole('button', { name: 'View' }).click();
    await this.root.locator('.version-record, .version-detail .record-empty').first().waitFor();
  }

  /** The comparison shown. */
  get diff(): Locator {
    return this.root.locator('.diff');
  }

  /** Texts marked as inserted in the comparison. */
  insertions(): Promise<string[]> {
    return this.diff.locator('.diff-text ins').allTextContents();
  }

  /** Texts marked as deleted in the comparison. */
  deletions(): Promise<string[]> {
    return this.diff.locator('.diff-text del').allTextContents();
  }

  /** Restore version `name`, confirming, and wait for the panel to say so. */
  async restore(name: string): Promise<void> {
    await this.item(name).getByRole('button', { name: 'Restore' }).click();
    await this.item(name).getByRole('button', { name: 'Restore this version' }).click();
    await this.root.getByRole('status').filter({ hasText: 'Restored' }).waitFor();
  }
}
