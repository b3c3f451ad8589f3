import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The real meeting record our importer must understand. It lives beside the repository
 * (`../shared/fixtures`), not in it: CI always has it there; a plain clone may not, and then
 * the tests that need it are skipped with a message (and fail in CI, where that is a mistake).
 */
export const FIXTURE_PATH = fileURLToPath(
  new URL('../../../../shared/fixtures/cnd-intersessional-2017-01-24.txt', import.meta.url),
);

let warned = false;

/** The fixture's text, or null (with one warning) when it is not beside the repository. */
export function readFixture(): string | null {
  if (existsSync(FIXTURE_PATH)) return readFileSync(FIXTURE_PATH, 'utf8');
  if (process.env.CI) throw new Error(`fixture missing in CI: ${FIXTURE_PATH}`);
  if (!warned) {
    console.warn(`[rapporteur] ${FIXTURE_PATH} not found: tests on the CND fixture are skipped`);
    warned = true;
  }
  return null;
}
