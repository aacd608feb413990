// /api/v1/reports: history of every place, single reports, and the write endpoints.

import { Hono } from 'hono';
import { z } from 'zod';
import { correctionInput, reportId, reportInput, retractionInput } from '../domain/model.ts';
import type { AppEnv } from '../http/app-env.ts';
import { historyResponse } from '../http/history-response.ts';
import { idempotent } from '../http/idempotency.ts';
import { historyQuery } from '../http/queries.ts';
import { requireJsonBody, valid } from '../http/validation.ts';
import { writeAccess } from '../http/write-access.ts';
import { systemClock } from '../services/clock.ts';
import { correctReport, publishReports, retractReport, viewOf, viewReport } from '../services/reports.ts';

export const maxBatchSize = 100;

const idParam = z.strictObject({ id: reportId });
const batchInput = z.strictObject({ reports: z.array(reportInput).min(1).max(maxBatchSize) });

const reportPath = (id: string) => `/api/v1/reports/${id}`;

export const reportRoutes = new Hono<AppEnv>()
  .get('/', valid('query', historyQuery), (c) => historyResponse(c, { kind: 'all' }, c.req.valid('query')))
  .get('/:id', valid('param', idParam), async (c) =>
    c.json(await viewReport(c.get('store'), c.req.valid('param').id)),
  )
  .post(
    '/',
    writeAccess('report'),
    requireJsonBody(),
    idempotent(),
    valid('json', reportInput),
    async (c) => {
      const [report] = await publishReports(
        c.get('store'),
        c.get('derive'),
        [c.req.valid('json')],
        systemClock(),
      );
      if (!report) throw new Error('publishing one report returned none');
      return c.json(viewOf(report), 201, { location: reportPath(report.id) });
    },
  )
  .post(
    '/batch',
    writeAccess('report'),
    requireJsonBody(),
    idempotent(),
    valid('json', batchInput),
    async (c) => {
      const reports = await publishReports(
        c.get('store'),
        c.get('derive'),
        c.req.valid('json').reports,
        systemClock(),
        (i) => `/reports/${i}`,
      );
      const first = reports[0];
      return c.json(
        { reports: reports.map((r) => viewOf(r)) },
        201,
        first ? { location: reportPath(first.id) } : {},
      );
    },
  )
  .post(
    '/:id/corrections',
    writeAccess('moderate'),
    requireJsonBody(),
    idempotent(),
    valid('param', idParam),
    valid('json', correctionInput),
    async (c) => {
      const { id } = c.req.valid('param');
      const correction = await correctReport(
        c.get('store'),
        c.get('derive'),
        id,
        c.req.valid('json'),
        systemClock(),
      );
      return c.json(viewOf(correction), 201, { location: reportPath(correction.id) });
    },
  )
  .post(
    '/:id/retraction',
    writeAccess('moderate'),
    requireJsonBody(),
    idempotent(),
    valid('param', idParam),
    valid('json', retractionInput),
    async (c) => {
      const { id } = c.req.valid('param');
      await retractReport(c.get('store'), c.get('derive'), id, c.req.valid('json').reason, systemClock());
      return c.json(await viewReport(c.get('store'), id), 201, { location: reportPath(id) });
    },
  );
