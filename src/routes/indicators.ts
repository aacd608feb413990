// /api/v1/indicators: the indicator registry, so clients learn the indicators from the
// service instead of hard-coding them. Constant: it touches no storage.

import { Hono } from 'hono';
import { indicatorRegistry } from '../domain/indicators.ts';
import type { IndicatorList } from '../domain/model.ts';
import type { AppEnv } from '../http/app-env.ts';

const body: IndicatorList = { indicators: [...indicatorRegistry] };

export const indicatorRoutes = new Hono<AppEnv>().get('/', (c) => c.json(body));
