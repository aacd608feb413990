// A signed-in session of the desk: a SQLite-backed Durable Object per session id, so that
// signing out ends the session at once everywhere (a cookie alone could be replayed until
// it expired, and KV would let another location see it for up to a minute). It holds who
// signed in, with which scopes, until when, and the session's form token.

import { StoredObject } from '../writers/stored-object.ts';

export interface DeskSessionRecord {
  /** Who signed in: the token's name and scopes, never the token. */
  principal: { name: string; scopes: readonly string[]; account?: boolean };
  /** Milliseconds since the epoch after which the session is over. */
  expires: number;
  /** The token every form of the session carries (a second guard beside Origin checks). */
  formToken: string;
}

export class DeskSession extends StoredObject {
  open(record: DeskSessionRecord): void {
    this.state.put('record', record);
  }

  /** The session while it lasts; an ended or expired one is gone. */
  read(now: number): DeskSessionRecord | undefined {
    const record = this.state.get<DeskSessionRecord>('record');
    if (record && record.expires > now) return record;
    if (record) this.state.delete('record');
    return undefined;
  }

  close(): void {
    this.state.delete('record');
  }
}
