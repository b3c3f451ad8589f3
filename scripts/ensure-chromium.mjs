// Browser tests drive Debian's Chromium (Playwright's own browser download does not work on
// our machines). Install it when missing and we are allowed to; otherwise say that the
// browser tests will be skipped. Never fails the test run by itself.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
if (existsSync(CHROMIUM)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (isRoot && hasApt) {
  console.log('[rapporteur] Chromium is missing: installing it with apt-get (about 20 s)…');
  try {
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
      stdio: 'inherit',
    });
  } catch {
    console.warn('[rapporteur] apt-get could not install chromium; browser tests will be skipped.');
  }
} else {
  console.warn(
    `[rapporteur] ${CHROMIUM} not found and cannot be installed here (needs root and apt-get); browser tests will be skipped.`,
  );
}
