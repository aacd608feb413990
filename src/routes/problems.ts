// /problems/{type}: what each problem `type` URI in an error answer means.

import { Hono } from 'hono';
import { NotFound } from '../domain/errors.ts';
import type { AppEnv } from '../http/app-env.ts';
import { problemTypes } from '../http/problem-types.ts';
import { noQuery } from '../http/queries.ts';
import { valid } from '../http/validation.ts';

export const problemRoutes = new Hono<AppEnv>().get('/:type', valid('query', noQuery), (c) => {
  const type = c.req.param('type');
  if (!Object.hasOwn(problemTypes, type)) throw new NotFound(`no problem type "${type}"`);
  return c.json({ type, ...problemTypes[type as keyof typeof problemTypes] });
});
