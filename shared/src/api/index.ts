export * from './sessions.ts';
export * from './access.ts';
