export { DEFAULT_PROJECTION_TIMING, Projector } from './projector.ts';
export type { ProjectionTiming } from './roomProjection.ts';
export { type BlockRow, type ItemRow, type ProjectionSnapshot, toRows } from './rows.ts';
export { type ProjectionSource, takeSnapshot } from './snapshot.ts';
export { ProjectionSweeper } from './sweeper.ts';
export {
  ProjectionStore,
  type ProjectionWriter,
  type WriteOutcome,
  type WrittenProjection,
  writtenProjection,
} from './store.ts';
export { docVersion } from './version.ts';
