/**
 * Scripts run in a session page to build a long record quickly (typing dozens of statements key
 * by key would take minutes). Kept as source text, like READ_RECORD in sessionPage.ts, so no
 * transpiler helper ends up in code the page runs.
 */

/** Append `count` speaker blocks, each with a few sentences, through the page's editor. */
export function appendBlocksScript(count: number, prefix: string): string {
  return `(() => {
    const { editor } = window.__rapporteur;
    const blocks = Array.from({ length: ${JSON.stringify(count)} }, (_, i) => ({
      type: 'speakerBlock',
      attrs: {
        id: crypto.randomUUID(),
        speaker: ${JSON.stringify(prefix)} + ' ' + (i + 1),
        affiliation: '',
        onBehalfOf: '',
        kind: 'member-state',
        startedAt: new Date().toISOString(),
        status: 'draft',
      },
      content: [{
        type: 'paragraph',
        content: [{ type: 'text', text: 'Statement ' + (i + 1) + '. ' + 'We thank the Chair for the preparation of this meeting. '.repeat(3) }],
      }],
    }));
    editor.commands.insertContentAt(editor.state.doc.content.size, blocks);
  })()`;
}
