/** Typed calls to a session's versions (`/api/sessions/:id/versions`). */
import type {
  RestoreVersionResponse,
  VersionContent,
  VersionDiff,
  VersionDiffResponse,
  VersionListResponse,
  VersionMeta,
  VersionResponse,
} from '@rapporteur/shared/api';
import { requestJson } from './http.ts';

export type { RestoreVersionResponse, VersionContent, VersionDiff, VersionDiffResponse, VersionMeta, VersionResponse };

const versionsPath = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}/versions`;
const versionPath = (sessionId: string, vid: string) => `${versionsPath(sessionId)}/${encodeURIComponent(vid)}`;

/** The versions of a session, newest first. */
export async function listVersions(sessionId: string, token: string | null, signal?: AbortSignal) {
  return (await requestJson<VersionListResponse>('GET', versionsPath(sessionId), { token, signal })).versions;
}

/** Save the current text as a named version (editors). */
export function saveVersion(
  sessionId: string,
  name: string,
  token: string | null,
  headers?: Record<string, string>,
): Promise<VersionMeta> {
  return requestJson('POST', versionsPath(sessionId), { body: { name }, token, headers });
}

/** One version with its record, for reading. */
export function getVersion(sessionId: string, vid: string, token: string | null, signal?: AbortSignal) {
  return requestJson<VersionResponse>('GET', versionPath(sessionId, vid), { token, signal });
}

/** What changed from version `vid` to `against` (another version's id, or the current text). */
export function diffVersion(
  sessionId: string,
  vid: string,
  against: string | 'current',
  token: string | null,
  signal?: AbortSignal,
) {
  const path = `${versionPath(sessionId, vid)}/diff?against=${encodeURIComponent(against)}`;
  return requestJson<VersionDiffResponse>('GET', path, { token, signal });
}

/** Restore a version as a new change on top of the current text (editors). */
export function restoreVersion(
  sessionId: string,
  vid: string,
  token: string | null,
  headers?: Record<string, string>,
): Promise<RestoreVersionResponse> {
  return requestJson('POST', `${versionPath(sessionId, vid)}/restore`, { token, headers });
}
