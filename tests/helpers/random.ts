/** The suites' seeded generator (shared/src/testing/random.ts), for tests in this package. */
export { randomInt, randomPick, seededRandom } from '@rapporteur/shared/testing/random';
