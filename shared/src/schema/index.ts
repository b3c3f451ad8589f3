export * from './actionItem.ts';
export * from './agendaItem.ts';
export * from './attributes.ts';
export * from './decision.ts';
export * from './extensions.ts';
export * from './speakerBlock.ts';
export * from './rules.ts';
export * from './version.ts';
