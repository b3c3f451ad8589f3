/**
 * The closing summary of the minutes: every action item and decision, in document order, with
 * the agenda item and speaker it came from (the W3C minutes' tradition of listing ACTION and
 * RESOLUTION lines at the end). Exporters render it only when there is something to list.
 */
import { actionLine, decisionLine, type RecordContent } from '@rapporteur/shared/blocks';

/** Heading of the summary in every export. */
export const SUMMARY_HEADING = 'Summary of actions and decisions';

/** One line of the summary. */
export interface SummaryItem {
  id: string;
  /** The line as the body shows it: "Action: owner — text (due …)" or "Decision: text". */
  line: string;
  owner: string;
  due: string;
  text: string;
  /** Where it was recorded: "Agenda item 3 · Malta", or '' when neither is known. */
  context: string;
}

/** Actions and decisions of a record. */
export interface Summary {
  actions: SummaryItem[];
  decisions: SummaryItem[];
}

/** Build the summary from an extracted record. */
export function summaryOf(record: RecordContent): Summary {
  const titles = new Map(record.agendaItems.map((a) => [a.id, a.title]));
  const speakers = new Map(record.blocks.map((b) => [b.id, b.speaker]));
  const context = (p: { agendaItemId: string | null; blockId: string | null }) =>
    [p.agendaItemId ? titles.get(p.agendaItemId) : '', p.blockId ? speakers.get(p.blockId) : '']
      .map((s) => (s ?? '').replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join(' · ');
  return {
    actions: record.actions.map((a) => ({
      id: a.id,
      line: actionLine(a),
      owner: a.owner,
      due: a.due,
      text: a.text,
      context: context(a),
    })),
    decisions: record.decisions.map((d) => ({
      id: d.id,
      line: decisionLine(d),
      owner: '',
      due: '',
      text: d.text,
      context: context(d),
    })),
  };
}

/** Whether there is anything to summarise. */
export function hasSummary(summary: Summary): boolean {
  return summary.actions.length > 0 || summary.decisions.length > 0;
}
