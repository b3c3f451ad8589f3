/**
 * What the record schema allows, as plain sets the server checks incoming structs against:
 * node names with their attributes, mark names with theirs. Derived from the ProseMirror schema
 * both sides build, so it cannot drift from what the editor keeps.
 */
import type { Schema } from '@tiptap/pm/model';

/** Allowed node and mark names, each with the attribute names it carries. */
export interface SchemaRules {
  nodes: ReadonlyMap<string, ReadonlySet<string>>;
  marks: ReadonlyMap<string, ReadonlySet<string>>;
}

/** The rules of a schema (the document and text nodes are not elements, so they are left out). */
export function schemaRules(schema: Schema): SchemaRules {
  const nodes = new Map<string, ReadonlySet<string>>();
  for (const [name, type] of Object.entries(schema.nodes)) {
    if (name === schema.topNodeType.name || name === 'text') continue;
    nodes.set(name, new Set(Object.keys(type.spec.attrs ?? {})));
  }
  const marks = new Map<string, ReadonlySet<string>>();
  for (const [name, type] of Object.entries(schema.marks)) marks.set(name, new Set(Object.keys(type.spec.attrs ?? {})));
  return { nodes, marks };
}
