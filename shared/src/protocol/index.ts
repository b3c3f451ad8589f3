export * from './close.ts';
export * from './limits.ts';
export * from './messages.ts';
export * from './persisted.ts';
export * from './saveStatus.ts';
export * from './colours.ts';
export * from './splitUpdate.ts';
