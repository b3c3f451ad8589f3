export * from './claims.ts';
export * from './handoff.ts';
export * from './nextSpeaker.ts';
export * from './speakersList.ts';
export * from './typing.ts';
