// /api/v1/reports: history of every place, single reports, and the write endpoints.

import type { Context } from 'hono';
import * as z from 'zod';
import {
  correctionInput,
  reportBatch,
  reportId,
  reportInput,
  reportView,
  retractionInput,
} from '../domain/model.ts';
import { type Warning, warning, warningCodes } from '../domain/plausibility.ts';
import { createRoute } from '../http/contract-routes.ts';
import { historyAnswer } from '../http/history-request.ts';
import { negotiateLanguage } from '../http/html.ts';
import { idempotent } from '../http/idempotency.ts';
import { requireJsonBody } from '../http/json-body.ts';
import {
  bearerAuth,
  cachingHeaders,
  historyResponses,
  idempotencyHeader,
  jsonContent,
  openApiRoutes,
  problems,
  readProblems,
  reportWriteHeaders,
  writeProblems,
} from '../http/openapi.ts';
import { historyQuery, noQuery } from '../http/queries.ts';
import { writeAccess } from '../http/write-access.ts';
import { correctReport, retractReport } from '../services/moderation.ts';
import { publishReports } from '../services/publishing.ts';
import { viewOf, viewReport } from '../services/reading.ts';
import { publishedByIsPublic } from '../settings.ts';
import { warningView } from '../words/warnings.ts';

export const maxBatchSize = 100;

const idParam = z.strictObject({ id: reportId.meta({ description: 'The report id (a ULID)' }) });
const batchInput = z
  .strictObject({ reports: z.array(reportInput).min(1).max(maxBatchSize) })
  .meta({ id: 'ReportBatchInput' });

const reportPath = (id: string) => `/api/v1/reports/${id}`;

const dryRunQuery = z.strictObject({
  dryRun: z.enum(['true', 'false']).optional().meta({
    description:
      'true: check the report(s) as a real write would, store nothing, and answer 200 with the warnings',
  }),
});
const warnings = z
  .array(warning)
  .meta({ description: 'Figures that look like a slip; see Confirm-Warnings' });
const dryRunOne = z.strictObject({ report: reportView, warnings }).meta({ id: 'ReportDryRun' });
const dryRunBatch = z
  .strictObject({ reports: z.array(reportView), warnings })
  .meta({ id: 'ReportBatchDryRun' });

/** The warning codes a request's Confirm-Warnings header names. */
function confirmedWarnings(header: string | undefined): Set<string> {
  const named = (header ?? '').split(',').map((code) => code.trim());
  return new Set(warningCodes.filter((code) => named.includes(code)));
}
const location = z.object({ Location: z.string().meta({ description: 'The new report' }) });

/** A write's declaration: a token with `scope`, a JSON body, and an optional Idempotency-Key. */
function write<B extends z.ZodType>(scope: 'report' | 'moderate', body: B) {
  return {
    method: 'post' as const,
    tags: ['Writing'],
    security: bearerAuth,
    middleware: [writeAccess(scope), requireJsonBody(body), idempotent()],
    body: { required: true, content: jsonContent(body) },
  };
}

const listReports = createRoute({
  method: 'get',
  path: '/',
  tags: ['History'],
  summary: 'Reports of every place, newest first',
  request: { query: historyQuery },
  responses: historyResponses(),
});

const getReport = createRoute({
  method: 'get',
  path: '/{id}',
  tags: ['History'],
  summary: 'One report in full, with what became of it',
  request: { params: idParam, query: noQuery },
  responses: {
    200: { description: 'The report', headers: cachingHeaders, content: jsonContent(reportView) },
    ...readProblems(),
  },
});

const reportWrite = write('report', reportInput);
const postReport = createRoute({
  ...reportWrite,
  path: '/',
  summary: 'Publish a report (report scope)',
  request: { query: dryRunQuery, headers: reportWriteHeaders, body: reportWrite.body },
  responses: {
    200: {
      description: 'A dry run: the report as it would be stored, and its warnings',
      content: jsonContent(dryRunOne),
    },
    201: { description: 'The report as accepted', headers: location, content: jsonContent(reportView) },
    ...writeProblems(),
    ...problems(409),
  },
});

const batchWrite = write('report', batchInput);
const postBatch = createRoute({
  ...batchWrite,
  path: '/batch',
  summary: 'Publish up to 100 reports at once, all or nothing (report scope)',
  request: { query: dryRunQuery, headers: reportWriteHeaders, body: batchWrite.body },
  responses: {
    200: {
      description: 'A dry run: the reports as they would be stored, and their warnings',
      content: jsonContent(dryRunBatch),
    },
    201: { description: 'The reports as accepted', headers: location, content: jsonContent(reportBatch) },
    ...writeProblems(),
    ...problems(409),
  },
});

const correctionWrite = write('moderate', correctionInput);
const postCorrection = createRoute({
  ...correctionWrite,
  path: '/{id}/corrections',
  summary: 'Supersede a report with a corrected one (moderate scope)',
  request: { params: idParam, query: noQuery, headers: reportWriteHeaders, body: correctionWrite.body },
  responses: {
    201: { description: 'The correction, a new report', headers: location, content: jsonContent(reportView) },
    ...writeProblems(),
    ...problems(404, 409),
  },
});

const retractionWrite = write('moderate', retractionInput);
const postRetraction = createRoute({
  ...retractionWrite,
  path: '/{id}/retraction',
  summary: 'Withdraw a report, keeping it visible as retracted (moderate scope)',
  request: { params: idParam, query: noQuery, headers: idempotencyHeader, body: retractionWrite.body },
  responses: {
    201: { description: 'The retracted report', headers: location, content: jsonContent(reportView) },
    ...writeProblems(),
    ...problems(404, 409),
  },
});

/** The warnings as the API answers them, worded in the language of the request's Accept-Language. */
function inReadersWords(c: Context, warnings: readonly Warning[]) {
  const language = negotiateLanguage(undefined, c.req.header('accept-language'));
  return warnings.map((w) => warningView(w, language));
}

export const reportRoutes = openApiRoutes()
  .openapi(listReports, (c) => historyAnswer(c, { kind: 'all' }, c.req.valid('query')))
  .openapi(getReport, async (c) => {
    const publishers = publishedByIsPublic(c.env);
    return c.json(await viewReport(c.get('store'), c.req.valid('param').id, { publishers }), 200);
  })
  .openapi(postReport, async (c) => {
    const dryRun = c.req.valid('query').dryRun === 'true';
    const { reports, warnings } = await publishReports(
      c.get('store'),
      c.get('writers'),
      [c.req.valid('json')],
      c.get('clock'),
      {
        dryRun,
        confirmed: confirmedWarnings(c.req.valid('header')['confirm-warnings']),
        publishedBy: c.get('principal').name,
      },
    );
    const [report] = reports;
    if (!report) throw new Error('publishing one report returned none');
    if (dryRun) return c.json({ report: viewOf(report), warnings: inReadersWords(c, warnings) }, 200);
    return c.json(viewOf(report), 201, { location: reportPath(report.id) });
  })
  .openapi(postBatch, async (c) => {
    const dryRun = c.req.valid('query').dryRun === 'true';
    const { reports, warnings } = await publishReports(
      c.get('store'),
      c.get('writers'),
      c.req.valid('json').reports,
      c.get('clock'),
      {
        dryRun,
        confirmed: confirmedWarnings(c.req.valid('header')['confirm-warnings']),
        pointerPrefix: (i) => `/reports/${i}`,
        publishedBy: c.get('principal').name,
      },
    );
    const views = reports.map((r) => viewOf(r));
    if (dryRun) return c.json({ reports: views, warnings: inReadersWords(c, warnings) }, 200);
    const first = reports[0];
    return c.json({ reports: views }, 201, first ? { location: reportPath(first.id) } : {});
  })
  .openapi(postCorrection, async (c) => {
    const { id } = c.req.valid('param');
    const correction = await correctReport(
      c.get('store'),
      c.get('writers'),
      id,
      c.req.valid('json'),
      c.get('clock'),
      confirmedWarnings(c.req.valid('header')['confirm-warnings']),
      'en',
      c.get('principal').name,
    );
    return c.json(viewOf(correction), 201, { location: reportPath(correction.id) });
  })
  .openapi(postRetraction, async (c) => {
    const { id } = c.req.valid('param');
    const { reason } = c.req.valid('json');
    const view = await retractReport(
      c.get('store'),
      c.get('writers'),
      id,
      reason,
      c.get('clock'),
      'en',
      c.get('principal').name,
    );
    return c.json(view, 201, { location: reportPath(id) });
  });
