// /healthz: a constant answer that touches no storage, for load balancers and monitors.

import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.ts';

export const healthRoutes = new Hono<AppEnv>().get('/healthz', (c) => c.json({ status: 'ok' }));
