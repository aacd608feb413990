// Who a request acts for: a token's name and the scopes the token registry gives it.

export const scopes = ['report', 'moderate', 'admin', 'subscribe'] as const;
export type Scope = (typeof scopes)[number];

export interface Principal {
  /** The token's name from the registry: safe to log, unlike the token. */
  name: string;
  scopes: readonly Scope[];
  /** A person invited at the desk, with a credential of their own; not a token of API_TOKENS. */
  account?: boolean;
}
