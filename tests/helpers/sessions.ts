/** Create sessions with their capability tokens, in process or over HTTP. */
import type { RunningServer } from '@rapporteur/server';
import { TEST_ADMIN_TOKEN } from './server.ts';

export interface SessionTokens {
  id: string;
  observer: string;
  noteTaker: string;
  editor: string;
}

const tokenOf = (link: string) => new URL(link, 'http://x').searchParams.get('token')!;

/** Create a session directly through the stores of an in-process server. */
export async function newSession(server: RunningServer, title = 'CND intersessional'): Promise<SessionTokens> {
  const session = await server.sessions.create({ title });
  const links = await server.access.mintAll(session.id);
  return {
    id: session.id,
    observer: tokenOf(links.observer),
    noteTaker: tokenOf(links.noteTaker),
    editor: tokenOf(links.editor),
  };
}

/** Create a session over HTTP as the admin (the test servers' ADMIN_TOKEN by default). */
export async function createSessionHttp(
  baseUrl: string,
  title = 'CND intersessional',
  adminToken = TEST_ADMIN_TOKEN,
): Promise<SessionTokens> {
  const res = await fetch(`${baseUrl}/api/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({ title }),
  });
  if (res.status !== 201) throw new Error(`create session: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { id: string; links: { observer: string; noteTaker: string; editor: string } };
  return {
    id: body.id,
    observer: tokenOf(body.links.observer),
    noteTaker: tokenOf(body.links.noteTaker),
    editor: tokenOf(body.links.editor),
  };
}

/** Import a plain-text record over HTTP as a new session, with its three tokens. */
export async function importSessionHttp(
  baseUrl: string,
  text: string,
  title: string,
  adminToken = TEST_ADMIN_TOKEN,
): Promise<SessionTokens> {
  const res = await fetch(`${baseUrl}/api/sessions/import?title=${encodeURIComponent(title)}`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain', authorization: `Bearer ${adminToken}` },
    body: text,
  });
  if (res.status !== 201) throw new Error(`import: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as {
    session: { id: string; links: { observer: string; noteTaker: string; editor: string } };
  };
  const { id, links } = body.session;
  return { id, observer: tokenOf(links.observer), noteTaker: tokenOf(links.noteTaker), editor: tokenOf(links.editor) };
}
