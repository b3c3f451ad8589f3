import { EXPORT_FORMATS, EXPORT_LABELS, exportUrl } from '../api/records.ts';

/**
 * Download the minutes of a session in each format, plus a print view (the HTML export opened
 * in a new tab, ready for the browser's Print). Plain links: downloads work without JavaScript
 * state, and the browser shows its own progress and errors.
 */
export function ExportMenu({ sessionId, token }: { sessionId: string; token?: string | null }) {
  return (
    <details className="export-menu">
      <summary>Export</summary>
      <ul className="export-list" aria-label="Export formats">
        {EXPORT_FORMATS.map((format) => (
          <li key={format}>
            <a href={exportUrl(sessionId, format, { token })} download data-format={format}>
              {EXPORT_LABELS[format].label}
            </a>{' '}
            <small className="muted">{EXPORT_LABELS[format].description}</small>
          </li>
        ))}
        <li>
          <a href={exportUrl(sessionId, 'html', { token, inline: true })} target="_blank" rel="noopener noreferrer">
            Print view
          </a>{' '}
          <small className="muted">opens the minutes in a new tab to print or save as PDF</small>
        </li>
      </ul>
    </details>
  );
}
