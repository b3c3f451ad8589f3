export {
  AUTO_VERSION_AUTHOR,
  AUTO_VERSION_NAME,
  AutoVersioner,
  DEFAULT_AUTO_VERSION_QUIET_MS,
} from './autoVersioner.ts';
export {
  type CapturedState,
  captureDoc,
  contentHash,
  recordOfState,
  type StateSummary,
  summariseState,
  withStateDoc,
} from './capture.ts';
export { type CurrentDoc, currentDoc, withCurrentDoc } from './currentDoc.ts';
export { RESTORE_ORIGIN, type RestoreOutcome, restoreRecord } from './restore.ts';
export { RestoreLockedError, type RestoreResult, restoreVersion } from './restoreVersion.ts';
export { type NewVersion, VersionStore } from './versionStore.ts';
