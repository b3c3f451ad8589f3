export * from './records.ts';
export * from './sequence.ts';
export * from './words.ts';
