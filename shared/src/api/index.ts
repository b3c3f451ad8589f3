export * from './sessions.ts';
export * from './access.ts';
export * from './blocks.ts';
export * from './search.ts';
export * from './versions.ts';
export * from './registry.ts';
