// The people who write with credentials of their own: a SQLite-backed Durable Object, one for
// the service, so that revoking a person is seen by the very next request anywhere (KV would
// let another location use the credential for up to a minute). It holds each person's name,
// scopes, invitation and credential as SHA-256 hashes only: the secrets are made and shown by
// the desk and never reach this object. A presented hash is compared with every stored one in
// constant time, and wrong secrets are counted per client address and per secret, with a
// growing wait before the next attempt (src/writers/guessing-delay.ts), so guessing is slow.

import { hexToBytes } from '../encoding.ts';
import { failureMemoryMs, guessSubjects, waitLeft } from './guessing-delay.ts';
import { StoredObject } from './stored-object.ts';

const schema = [
  `CREATE TABLE IF NOT EXISTS accounts (
    name TEXT PRIMARY KEY,
    scopes TEXT NOT NULL,
    invited_by TEXT NOT NULL,
    invited_at INTEGER NOT NULL,
    invitation_sha256 TEXT NOT NULL,
    invitation_expires INTEGER NOT NULL,
    credential_sha256 TEXT,
    accepted_at INTEGER,
    revoked_at INTEGER,
    last_wrote INTEGER
  )`,
  // Wrong secrets, each under the subjects it counts against (an address, the secret's hash).
  'CREATE TABLE IF NOT EXISTS wrong_secrets (subject TEXT NOT NULL, at INTEGER NOT NULL)',
  'CREATE INDEX IF NOT EXISTS wrong_secrets_subject ON wrong_secrets (subject, at)',
  // Counted per address alone, with a fixed lockout, before the growing wait.
  'DROP TABLE IF EXISTS failures',
];

/** An invitation is good for a week: time to reach a reporter in the field, short enough to lapse. */
export const invitationMs = 7 * 24 * 60 * 60 * 1000;
/** Invitations one admin may make in a day: enough for a newsroom, too few to flood the list. */
export const maxInvitationsPerDay = 20;

export type AccountState = 'invited' | 'expired' | 'active' | 'revoked';

/** What an admin sees of a person: never a hash. Times are milliseconds since the epoch. */
export interface AccountView {
  name: string;
  scopes: string[];
  state: AccountState;
  invitedBy: string;
  invitedAt: number;
  invitationExpires: number;
  acceptedAt?: number;
  revokedAt?: number;
  lastWrote?: number;
}

export interface Account {
  name: string;
  scopes: string[];
}

/** Too many wrong secrets from this client, or of this secret: try again after this many seconds. */
export interface Limited {
  kind: 'limited';
  retryAfterSeconds: number;
}

export type InvitationLookup =
  | { kind: 'open'; account: Account; expires: number }
  | { kind: 'unknown' | 'expired' | 'used' | 'revoked' }
  | Limited;

export type Identified = { kind: 'account'; account: Account } | { kind: 'unknown' } | Limited;

type Row = Record<string, SqlStorageValue>;

const numberOrUndefined = (value: SqlStorageValue | undefined) =>
  typeof value === 'number' ? value : undefined;

function stateOf(row: Row, now: number): AccountState {
  if (row.revoked_at !== null) return 'revoked';
  if (row.credential_sha256 !== null) return 'active';
  return Number(row.invitation_expires) > now ? 'invited' : 'expired';
}

const accountOf = (row: Row): Account => ({
  name: String(row.name),
  scopes: JSON.parse(String(row.scopes)) as string[],
});

export class AccountRegistry extends StoredObject {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env, schema);
  }

  /** Records an invitation; refused when the name is taken or `by` invited too many in a day. */
  invite(
    invitation: { name: string; scopes: readonly string[]; by: string; sha256: string },
    now: number,
  ): 'invited' | 'taken' | 'too-many' {
    const [existing] = this.sql.exec('SELECT * FROM accounts WHERE name = ?', invitation.name).toArray();
    if (existing) {
      // An invitation never accepted may be made again; a name that has written stays its writer's.
      const state = stateOf(existing, now);
      if (state === 'active' || state === 'invited' || existing.credential_sha256 !== null) return 'taken';
      this.sql.exec('DELETE FROM accounts WHERE name = ?', invitation.name);
    }
    const today = this.sql
      .exec(
        'SELECT count(*) AS n FROM accounts WHERE invited_by = ? AND invited_at > ?',
        invitation.by,
        now - 24 * 60 * 60 * 1000,
      )
      .one();
    if (Number(today.n) >= maxInvitationsPerDay) return 'too-many';
    this.sql.exec(
      'INSERT INTO accounts (name, scopes, invited_by, invited_at, invitation_sha256, invitation_expires) VALUES (?, ?, ?, ?, ?, ?)',
      invitation.name,
      JSON.stringify(invitation.scopes),
      invitation.by,
      now,
      invitation.sha256,
      now + invitationMs,
    );
    return 'invited';
  }

  /** The invitation whose secret has this hash, as opening its link shows it; nothing changes. */
  invitation(sha256: string, client: string, now: number): InvitationLookup {
    const limited = this.held(client, sha256, now);
    if (limited) return limited;
    const row = this.matching('invitation_sha256', sha256);
    if (!row) return this.failed(client, sha256, now);
    if (row.credential_sha256 !== null) return { kind: 'used' };
    if (row.revoked_at !== null) return { kind: 'revoked' };
    const expires = Number(row.invitation_expires);
    if (expires <= now) return { kind: 'expired' };
    return { kind: 'open', account: accountOf(row), expires };
  }

  /** Uses the invitation once: the person's credential, by its hash, from now on. */
  accept(invitationSha256: string, credentialSha256: string, client: string, now: number): InvitationLookup {
    const found = this.invitation(invitationSha256, client, now);
    if (found.kind !== 'open') return found;
    this.sql.exec(
      'UPDATE accounts SET credential_sha256 = ?, accepted_at = ? WHERE name = ? AND credential_sha256 IS NULL',
      credentialSha256,
      now,
      found.account.name,
    );
    return found;
  }

  /** The active person whose credential has this hash. */
  identify(sha256: string, client: string, now: number): Identified {
    const limited = this.held(client, sha256, now);
    if (limited) return limited;
    const row = this.matching('credential_sha256', sha256, 'AND revoked_at IS NULL');
    if (!row) return this.failed(client, sha256, now);
    return { kind: 'account', account: accountOf(row) };
  }

  /**
   * Whether a secret known elsewhere (a token of API_TOKENS) must wait: a guesser's address
   * waits for every secret, or a hit would stand out from the refusals.
   */
  held(client: string, sha256: string, now: number): Limited | undefined {
    const waits = guessSubjects(client, sha256).map((subject) => {
      const { n, last } = this.sql
        .exec(
          'SELECT count(*) AS n, max(at) AS last FROM wrong_secrets WHERE subject = ? AND at > ?',
          subject,
          now - failureMemoryMs,
        )
        .one();
      return waitLeft(Number(n), Number(last ?? 0), now);
    });
    const wait = Math.max(...waits);
    return wait > 0 ? { kind: 'limited', retryAfterSeconds: Math.ceil(wait / 1000) } : undefined;
  }

  /** Whether `name` is a person who may still act: a session of a revoked one is over. */
  isActive(name: string): boolean {
    return (
      this.sql
        .exec(
          'SELECT 1 FROM accounts WHERE name = ? AND credential_sha256 IS NOT NULL AND revoked_at IS NULL',
          name,
        )
        .toArray().length > 0
    );
  }

  isAccount(name: string): boolean {
    return this.sql.exec('SELECT 1 FROM accounts WHERE name = ?', name).toArray().length > 0;
  }

  wrote(name: string, now: number): void {
    this.sql.exec('UPDATE accounts SET last_wrote = ? WHERE name = ?', now, name);
  }

  /** Revokes a person at once; false when there is no such person, or they were revoked before. */
  revoke(name: string, now: number): boolean {
    return (
      this.sql.exec('UPDATE accounts SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL', now, name)
        .rowsWritten > 0
    );
  }

  /** Every person, newest invitation first. */
  list(now: number): AccountView[] {
    return this.sql
      .exec('SELECT * FROM accounts ORDER BY invited_at DESC, name')
      .toArray()
      .map((row) => ({
        ...accountOf(row),
        state: stateOf(row, now),
        invitedBy: String(row.invited_by),
        invitedAt: Number(row.invited_at),
        invitationExpires: Number(row.invitation_expires),
        acceptedAt: numberOrUndefined(row.accepted_at),
        revokedAt: numberOrUndefined(row.revoked_at),
        lastWrote: numberOrUndefined(row.last_wrote),
      }));
  }

  /**
   * The row whose `column` holds `sha256`. Every row is compared, with no early exit, so the
   * time taken does not depend on which matched or how much of a hash did.
   */
  private matching(
    column: 'invitation_sha256' | 'credential_sha256',
    sha256: string,
    where = '',
  ): Row | undefined {
    const presented = hexToBytes(sha256);
    if (presented.length !== 32) return undefined;
    let match: Row | undefined;
    for (const row of this.sql.exec(`SELECT * FROM accounts WHERE ${column} IS NOT NULL ${where}`)) {
      const stored = hexToBytes(String(row[column]));
      if (stored.length === presented.length && crypto.subtle.timingSafeEqual(stored, presented)) match = row;
    }
    return match;
  }

  private failed(client: string, sha256: string, now: number): { kind: 'unknown' } {
    this.sql.exec('DELETE FROM wrong_secrets WHERE at <= ?', now - failureMemoryMs);
    for (const subject of guessSubjects(client, sha256)) {
      this.sql.exec('INSERT INTO wrong_secrets (subject, at) VALUES (?, ?)', subject, now);
    }
    return { kind: 'unknown' };
  }
}

/** The one registry. */
export const accountRegistryName = 'accounts';

export const accountRegistry = (env: Pick<Env, 'ACCOUNTS'>) => env.ACCOUNTS.getByName(accountRegistryName);
