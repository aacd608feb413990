// The desk as one sub-app over the core: its guards (the session and cross-site checks) run
// before any of its pages, then one set of routes per task a reporter or moderator does.

import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import { deskAccountRoutes } from './accounts/routes.ts';
import { noteDeskWrites } from './accounts/writes.ts';
import { deskDraftRoutes } from './routes/drafts.ts';
import { deskRoutes } from './routes/home.ts';
import { deskImportRoutes } from './routes/import.ts';
import { deskModerationRoutes } from './routes/moderation.ts';
import { deskPlaceRoutes } from './routes/places.ts';
import { deskReportRoutes } from './routes/reports.ts';
import { deskWholeCorrectionRoutes } from './routes/whole-correction.ts';
import { deskGuards } from './session.ts';

export const desk = new Hono<AppEnv>();

desk.use('/desk/*', deskGuards());
desk.use('/desk/*', noteDeskWrites());
desk.route('/', deskRoutes);
desk.route('/', deskReportRoutes);
desk.route('/', deskDraftRoutes);
desk.route('/', deskModerationRoutes);
desk.route('/', deskWholeCorrectionRoutes);
desk.route('/', deskImportRoutes);
desk.route('/', deskPlaceRoutes);
desk.route('/', deskAccountRoutes);
