export * from './api.ts';
export * from './format.ts';
export * from './fromDoc.ts';
export * from './kind.ts';
export { readOpener, type Opener, type OpenerForm } from './opener.ts';
export { UNCERTAIN_BELOW, identify, registryNameOf } from './identity.ts';
export { qualifierSuffix, splitQualifiers } from './qualifiers.ts';
export { categoryOf, isKnownName, takesArticle } from './names.ts';
export * from './parseText.ts';
export * from './summary.ts';
export type * from './types.ts';
// recordToDoc is at '@rapporteur/shared/record/toDoc': it loads the editor schema (Tiptap), which
// readers of records (exports, the server at start-up) do not need
export * from './structure.ts';
export * from './styles/index.ts';
