/**
 * Who is typing: a display name asked for once and a caret colour picked at random, both kept in
 * localStorage so every session on this browser shows the same person. Colours are 6-digit hex
 * because the collaboration caret extension rejects anything else.
 */
import { PRESENCE_COLOURS } from '@rapporteur/shared/protocol';

/** A note-taker as the others see them (caret label, presence list). */
export interface UserIdentity {
  name: string;
  color: string;
}

const STORAGE_KEY = 'rapporteur:user';

/** Caret colours: the palette the server assigns from (it keeps ours while nobody else shows it). */
export const CARET_COLORS = PRESENCE_COLOURS;

/** Longest name shown on a caret; longer ones would cover the text being typed. */
export const MAX_NAME_LENGTH = 40;

/** A random colour from the palette. */
export function randomColor(random: () => number = Math.random): string {
  return CARET_COLORS[Math.floor(random() * CARET_COLORS.length)] ?? CARET_COLORS[0];
}

/** Validate a stored or typed identity; null when it is unusable. */
export function parseIdentity(value: unknown): UserIdentity | null {
  if (typeof value !== 'object' || value === null) return null;
  const { name, color } = value as { name?: unknown; color?: unknown };
  if (typeof name !== 'string' || typeof color !== 'string') return null;
  const trimmed = name.trim().slice(0, MAX_NAME_LENGTH);
  if (!trimmed || !/^#[0-9a-fA-F]{6}$/.test(color)) return null;
  return { name: trimmed, color };
}

/** The identity saved on this browser, if any. */
export function loadIdentity(): UserIdentity | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw ? parseIdentity(JSON.parse(raw)) : null;
  } catch {
    return null; // storage disabled or corrupt: ask again rather than fail
  }
}

/** Save the identity for later visits (silently kept in memory only when storage is blocked). */
export function saveIdentity(identity: UserIdentity): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(identity));
  } catch {
    // private mode with storage blocked: the name lasts for this page only
  }
}
