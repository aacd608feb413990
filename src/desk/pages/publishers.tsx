// Who published a report and who retracted it, as the desk shows them whatever the public
// outputs show (PUBLISHED_BY_PUBLIC). Pure.

import type { Language } from '../../domain/languages.ts';
import type { ReportView } from '../../domain/model.ts';
import { deskMessages } from '../words.ts';

/** Who published the report and, for a retracted one, who retracted it, where that was recorded. */
export function Publishers({ view, language }: { view: ReportView; language: Language }) {
  const m = deskMessages[language];
  const by = view.publishedBy;
  const retractedBy = view.retraction?.publishedBy;
  if (!by && !retractedBy) return '';
  return (
    <dl class="publishers">
      {by ? (
        <>
          <dt>{m.publishedBy}</dt>
          <dd>
            <bdi>{by}</bdi>
          </dd>
        </>
      ) : (
        ''
      )}
      {retractedBy ? (
        <>
          <dt>{m.retractedBy}</dt>
          <dd>
            <bdi>{retractedBy}</bdi>
          </dd>
        </>
      ) : (
        ''
      )}
    </dl>
  );
}
