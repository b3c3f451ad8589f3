export * from './data/index.ts';
export * from './match.ts';
export * from './normalise.ts';
export * from './types.ts';
