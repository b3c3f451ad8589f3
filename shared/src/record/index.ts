export * from './api.ts';
export * from './fromDoc.ts';
export * from './kind.ts';
export { categoryOf, isKnownName, takesArticle } from './names.ts';
export * from './parseText.ts';
export * from './summary.ts';
export * from './toDoc.ts';
export type * from './types.ts';
