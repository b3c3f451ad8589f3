export * from './entries/index.ts';
export * from './match.ts';
export * from './normalise.ts';
export * from './types.ts';
