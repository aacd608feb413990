import { createHash } from 'node:crypto';
import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { testTokens } from './tests/support/tokens.ts';

const apiTokens = Object.entries(testTokens).map(([name, { token, scopes }]) => ({
  name,
  sha256: createHash('sha256').update(token).digest('hex'),
  scopes,
}));

export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: './wrangler.toml' },
      miniflare: { bindings: { API_TOKENS: JSON.stringify(apiTokens) } },
    }),
  ],
  test: {
    include: ['tests/**/*.test.ts'],
  },
});
