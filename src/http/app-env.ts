// The Hono environment every route shares: Worker bindings and per-request variables.

import type { RequestIdVariables } from 'hono/request-id';
import type { Derive } from '../services/paced-derivation.ts';
import type { StatusStore } from '../store/status-store.ts';
import type { Principal } from './auth.ts';

export interface AppEnv {
  Bindings: Env;
  Variables: RequestIdVariables & {
    store: StatusStore;
    derive: Derive;
    principal: Principal;
  };
}
