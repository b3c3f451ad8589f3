/** The editor's side of the schema gate (schemaGate.ts). */
import { Extension } from '@tiptap/core';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { SchemaGate } from './schemaGate.ts';

/**
 * An editor extension that unbinds y-prosemirror from the document the moment the gate finds it
 * newer (before the newer content is rendered, hence before anything is deleted), and makes the
 * editor read-only; the page then replaces the editor by a read-only view.
 */
export function schemaGateExtension(gate: SchemaGate) {
  return Extension.create({
    name: 'schemaGate',
    addProseMirrorPlugins() {
      const editor = this.editor;
      return [
        new Plugin({
          key: new PluginKey('schemaGate'),
          view: (view) => {
            const unbind = () => {
              const binding = (ySyncPluginKey.getState(view.state) as { binding?: { destroy(): void } } | undefined)
                ?.binding;
              binding?.destroy();
              if (!editor.isDestroyed) editor.setEditable(false, false);
            };
            if (gate.newer) unbind();
            const off = gate.onNewer(unbind);
            return { destroy: off };
          },
        }),
      ];
    },
  });
}
