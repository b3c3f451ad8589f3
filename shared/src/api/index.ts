import { z } from 'zod';

// zod 4 probes for eval (`Function('')`) to compile fast parsers; the app's Content-Security-Policy
// forbids eval, and the browser reports each probe as a violation. Parse without it, everywhere.
z.config({ jitless: true });

export * from './sessions.ts';
export * from './access.ts';
export * from './blocks.ts';
export * from './search.ts';
export * from './versions.ts';
export * from './registry.ts';
