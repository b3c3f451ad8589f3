/**
 * Page object of the start page (`/`): the administrator's list of sessions and "New session"
 * form, or, for anyone else, how to get in.
 */
import type { Locator, Page } from 'playwright-core';
import type { Role } from '@rapporteur/shared/api';

const ROLE_NOUN: Record<Role, string> = { 'note-taker': 'note-taker', editor: 'editor', observer: 'observer' };

export class SessionListPage {
  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  /** Open the start page, with the admin URL's secret when given. */
  async open(adminSecret?: string): Promise<void> {
    await this.page.goto(adminSecret ? `${this.baseUrl}/?admin=${encodeURIComponent(adminSecret)}` : this.baseUrl);
  }

  get createButton(): Locator {
    return this.page.getByRole('button', { name: 'Create session' });
  }

  get titleField(): Locator {
    return this.page.getByLabel('Title', { exact: true });
  }

  /** The list of sessions (administrators only). */
  get sessionList(): Locator {
    return this.page.locator('.sessions');
  }

  /** The explanation a visitor without the admin secret gets. */
  get visitorWelcome(): Locator {
    return this.page.locator('.visitor-welcome');
  }

  /** Create a session with `title` and wait for its page. */
  async create(title: string): Promise<void> {
    await this.titleField.fill(title);
    await this.createButton.click();
    await this.page.waitForURL(/\/s\/[0-9a-f-]{36}$/);
  }

  /** The share panel's link field for a role. */
  linkField(role: Role): Locator {
    return this.page.locator(`.share-row[data-role="${role}"] input.share-url`);
  }

  /** The copy button of a role's link. */
  copyButton(role: Role): Locator {
    return this.page.getByRole('button', { name: `Copy ${ROLE_NOUN[role]} link` });
  }

  /** The plain-words description beside a role's link. */
  roleDescription(role: Role): Locator {
    return this.page.locator(`.share-row[data-role="${role}"] .share-can`);
  }
}
