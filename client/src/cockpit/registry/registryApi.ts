/** Typed calls to the speaker registry (`/api/registry`) for autocomplete and "add to registry". */
import type { RegistryEntry, RegistryListResponse } from '@rapporteur/shared/api';
import { MAX_REGISTRY_LIMIT } from '@rapporteur/shared/api';
import { loadAccess, loadAdminToken } from '../../api/credentials.ts';
import { requestJson } from '../../api/http.ts';
import type { AddableKind } from '../model/headerChoice.ts';

/** The token this browser uses for a session's API calls (its link's, else the admin's). */
export function sessionToken(sessionId: string): string | null {
  return loadAccess(sessionId)?.token ?? loadAdminToken();
}

/**
 * The whole registry, page by page (the built-in directory fits in one; names added from sessions
 * over the years may not): ranking happens locally, on every keystroke.
 */
export async function fetchRegistry(
  token: string | null,
  signal?: AbortSignal,
  pageSize: number = MAX_REGISTRY_LIMIT,
): Promise<RegistryEntry[]> {
  // by id: an entry added while paging may shift the alphabetical pages by one
  const byId = new Map<string, RegistryEntry>();
  for (let offset = 0; ; offset += pageSize) {
    const page = await requestJson<RegistryListResponse>('GET', `/api/registry?limit=${pageSize}&offset=${offset}`, {
      token,
      signal,
    });
    for (const e of page.entries) byId.set(e.id, e);
    if (page.entries.length < pageSize || offset + pageSize >= page.total) return [...byId.values()];
  }
}

/** Add a name to the registry on behalf of a session (an existing entry of that name is returned as is). */
export function addRegistryEntry(
  sessionId: string,
  input: { name: string; kind: AddableKind; affiliation?: string },
  token: string | null,
): Promise<RegistryEntry> {
  return requestJson<RegistryEntry>('POST', '/api/registry', { body: { sessionId, ...input }, token });
}
