// Bearer tokens of the test suite. vitest.config.ts hands the Worker only their SHA-256
// hashes, as production does; tests send the plain tokens.
export const testTokens = {
  reporter: { token: 'test-token-reporter', scopes: ['report'] },
  moderator: { token: 'test-token-moderator', scopes: ['report', 'moderate'] },
  admin: { token: 'test-token-admin', scopes: ['report', 'moderate', 'admin'] },
  subscriber: { token: 'test-token-subscriber', scopes: ['subscribe'] },
  otherSubscriber: { token: 'test-token-other-subscriber', scopes: ['subscribe'] },
} as const;
