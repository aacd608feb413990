// The Hono environment every route shares: Worker bindings and per-request variables.

import type { RequestIdVariables } from 'hono/request-id';
import type { Clock } from '../services/clock.ts';
import type { StatusStore } from '../store/status-store.ts';
import type { Writers } from '../writers/stubs.ts';
import type { Principal } from './principal.ts';

export interface AppEnv {
  Bindings: Env;
  Variables: RequestIdVariables & {
    store: StatusStore;
    writers: Writers;
    /** The time and randomness of a write: an Idempotency-Key's ticket, or the system's. */
    clock: Clock;
    principal: Principal;
  };
}
