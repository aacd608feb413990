// Importing a spreadsheet at the desk: the upload form; the check of an uploaded file, which
// stores nothing; and publishing the checked file with the warnings its writer confirmed.
// The templates are public: they hold column names and an invented example, nothing of the
// service's, so a newsroom can send the link to a reporter who has no credential yet.
// The check carries the file on to publishing in its form, as base64, so that the very bytes
// that were checked are the ones published (a form's text would have its line ends changed).

import { type Context, Hono } from 'hono';
import { importLanguages } from '../../domain/languages.ts';
import { fromBase64, toBase64 } from '../../encoding.ts';
import type { AppEnv } from '../../http/app-env.ts';
import { deskHeaders } from '../../http/html.ts';
import { pageQuery } from '../../http/queries.ts';
import { valid } from '../../http/validation.ts';
import { deskReader } from '../access.ts';
import { reportFields as f } from '../forms/report-form-fields.ts';
import { previewImport, publishImport } from '../import/report-import.ts';
import { decodeTable } from '../import/report-table.ts';
import { renderImportTemplate, templateFileName } from '../import/template.ts';
import { importProblemText, importWords } from '../import/words.ts';
import {
  importCheckPath,
  importFields,
  importPath,
  importTemplatePath,
  renderImportCheck,
  renderImportForm,
  renderImportResult,
} from '../pages/import-page.tsx';
import { formField, formValues, maxImportFileBytes } from '../session.ts';

/** The bytes of the file a check's form carries; none when the text is not base64. */
function carriedFile(text: string): Uint8Array | undefined {
  try {
    return fromBase64(text);
  } catch {
    return undefined;
  }
}

/** The uploaded file's bytes, or why there are none to read. */
async function uploaded(c: Context<AppEnv>): Promise<Uint8Array | 'none' | 'too-large'> {
  const file = (await c.req.parseBody({ all: true }))[importFields.file];
  if (!(file instanceof File) || file.size === 0) return 'none';
  if (file.size > maxImportFileBytes) return 'too-large';
  return new Uint8Array(await file.arrayBuffer());
}

export const deskImportRoutes = new Hono<AppEnv>();

for (const language of importLanguages) {
  deskImportRoutes.get(importTemplatePath(language), (c) => {
    const today = c.get('clock').now.toISOString().slice(0, 10);
    return c.body(renderImportTemplate(language, today), 200, {
      'Content-Type': 'text/csv; charset=utf-8; header=present',
      'Content-Disposition': `attachment; filename="${templateFileName(language)}"`,
      // Its example is observed today.
      'Cache-Control': 'no-cache',
    });
  });
}

deskImportRoutes
  .get(importPath, valid('query', pageQuery), async (c) => {
    const reader = await deskReader(c, 'report');
    if (reader instanceof Response) return reader;
    const { session, site, language } = reader;
    return c.html(renderImportForm(session.formToken, site, language), 200, deskHeaders(language));
  })
  .post(importCheckPath, valid('query', pageQuery), async (c) => {
    const reader = await deskReader(c, 'report');
    if (reader instanceof Response) return reader;
    const { session, site, language } = reader;
    const w = importWords[language];
    const refuse = (status: 413 | 422, problem: string) =>
      c.html(renderImportForm(session.formToken, site, language, problem), status, deskHeaders(language));
    const bytes = await uploaded(c);
    if (bytes === 'none') return refuse(422, w.noFile);
    if (bytes === 'too-large') return refuse(413, w.tooLarge(maxImportFileBytes / 1024 / 1024));
    const decoded = decodeTable(bytes);
    if ('problem' in decoded)
      return refuse(422, importProblemText({ kind: 'table', problem: decoded.problem }, language));
    const check = await previewImport(c.get('store'), c.get('writers'), decoded.text, c.get('clock'));
    const view = { check, formToken: session.formToken, table: toBase64(bytes) };
    return c.html(
      renderImportCheck(view, site, language),
      check.problems.length > 0 ? 422 : 200,
      deskHeaders(language),
    );
  })
  .post(importPath, valid('query', pageQuery), async (c) => {
    const reader = await deskReader(c, 'report');
    if (reader instanceof Response) return reader;
    const { session, site, language } = reader;
    const table = await formField(c, importFields.table);
    const bytes = carriedFile(table);
    const decoded = bytes && bytes.length <= maxImportFileBytes ? decodeTable(bytes) : undefined;
    if (!decoded || 'problem' in decoded) {
      // Only a form not made by the check carries a file it cannot read.
      return c.html(
        renderImportForm(session.formToken, site, language, importWords[language].noFile),
        422,
        deskHeaders(language),
      );
    }
    const confirmed = new Set(await formValues(c, f.confirm));
    const outcome = await publishImport(
      c.get('store'),
      c.get('writers'),
      decoded.text,
      confirmed,
      c.get('clock'),
      session.principal.name,
    );
    if (outcome.kind === 'refused') {
      const view = {
        check: outcome.check,
        formToken: session.formToken,
        table,
        unconfirmed: outcome.unconfirmed,
      };
      return c.html(renderImportCheck(view, site, language), 422, deskHeaders(language));
    }
    const result =
      outcome.kind === 'imported-before'
        ? { reports: outcome.reports, alreadyPublished: [], importedBefore: outcome.at }
        : { reports: outcome.reports, alreadyPublished: outcome.alreadyPublished };
    return c.html(renderImportResult(result, site, language), 200, deskHeaders(language));
  });
