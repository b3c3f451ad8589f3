/** Minimal structured logger: one line per event, errors with their message. */
export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

function format(fields?: Record<string, unknown>): string {
  if (!fields) return '';
  const parts = Object.entries(fields).map(([k, v]) => {
    const value = v instanceof Error ? v.message : typeof v === 'string' ? v : JSON.stringify(v);
    return `${k}=${value}`;
  });
  return parts.length ? ` ${parts.join(' ')}` : '';
}

/** Log to stderr; `quiet` drops info and warn lines (tests). */
export function createLogger(opts: { quiet?: boolean } = {}): Logger {
  return {
    info: (msg, f) => {
      if (!opts.quiet) console.log(`[rapporteur] ${msg}${format(f)}`);
    },
    warn: (msg, f) => {
      if (!opts.quiet) console.warn(`[rapporteur] ${msg}${format(f)}`);
    },
    error: (msg, f) => console.error(`[rapporteur] ERROR ${msg}${format(f)}`),
  };
}
