export * from './api/index.ts';
export * from './blocks/index.ts';
export * from './protocol/index.ts';
export * from './schema/index.ts';
