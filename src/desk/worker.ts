// The desk's Worker: the desk's pages and forms, apart from the public Worker so that neither
// carries the other's code (docs/architecture.md#the-bundle). The public Worker hands it every
// request under /desk through a service binding; it reaches the writers, the keepers and the
// registries in the public Worker through their bindings (wrangler.desk.toml).

import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import { aroundEveryRequest } from '../http/every-request.ts';
import { allowedMethods } from '../http/method-not-allowed.ts';
import { notFound, onError } from '../http/problem.ts';
import { withoutTrackingParameters } from '../http/tracking.ts';
import { desk } from './app.ts';

const deskWorker = new Hono<AppEnv>();
aroundEveryRequest(deskWorker);
deskWorker.route('/', desk);
deskWorker.notFound(notFound(allowedMethods(deskWorker.routes)));
deskWorker.onError(onError);

export default {
  fetch: (request: Request, env: Env, ctx: ExecutionContext) =>
    deskWorker.fetch(withoutTrackingParameters(request), env, ctx),
} satisfies ExportedHandler<Env>;
