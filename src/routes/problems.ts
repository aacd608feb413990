// /problems/{type}: what each problem `type` URI in an error answer means, from the catalogue.

import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import { noQuery } from '../http/queries.ts';
import { valid } from '../http/validation.ts';
import { NotFound, problemCatalogue } from '../problems.ts';

export const problemRoutes = new Hono<AppEnv>().get('/:type', valid('query', noQuery), (c) => {
  const type = c.req.param('type');
  const kind = problemCatalogue.find((k) => k.type === type);
  if (!kind) throw new NotFound(`no problem type "${type}"`);
  return c.json(kind);
});
