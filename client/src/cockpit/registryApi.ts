/** Typed calls to the speaker registry (`/api/registry`) for autocomplete and "add to registry". */
import type { RegistryEntry, RegistryListResponse } from '@rapporteur/shared/api';
import { MAX_REGISTRY_LIMIT } from '@rapporteur/shared/api';
import { loadAccess, loadAdminToken } from '../api/credentials.ts';
import { requestJson } from '../api/http.ts';
import type { AddableKind } from './headerChoice.ts';

/** The token this browser uses for a session's API calls (its link's, else the admin's). */
export function sessionToken(sessionId: string): string | null {
  return loadAccess(sessionId)?.token ?? loadAdminToken();
}

/** The whole registry (it fits in one page): ranking happens locally, on every keystroke. */
export async function fetchRegistry(token: string | null, signal?: AbortSignal): Promise<RegistryEntry[]> {
  const res = await requestJson<RegistryListResponse>('GET', `/api/registry?limit=${MAX_REGISTRY_LIMIT}`, {
    token,
    signal,
  });
  return res.entries;
}

/** Add a name to the registry on behalf of a session (an existing entry of that name is returned as is). */
export function addRegistryEntry(
  sessionId: string,
  input: { name: string; kind: AddableKind; affiliation?: string },
  token: string | null,
): Promise<RegistryEntry> {
  return requestJson<RegistryEntry>('POST', '/api/registry', { body: { sessionId, ...input }, token });
}
