// Security headers (Hono's secureHeaders). Nothing the API and feeds serve is meant to run
// scripts or be framed, so they get the strictest policy. The interactive API reference
// at /docs is the one page that runs a script: Scalar's bundle from jsDelivr, started by an
// inline script that carries a per-request nonce; its policy allows exactly that.

import type { MiddlewareHandler } from 'hono';
import { NONCE, secureHeaders } from 'hono/secure-headers';

const common = { crossOriginResourcePolicy: 'cross-origin' } as const;

export function strictSecurityHeaders(): MiddlewareHandler {
  return secureHeaders({
    ...common,
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"] },
    // A header an answer already has is kept: the HTML pages and HTML errors set a policy
    // that allows their stylesheet (src/http/html.ts); every other answer has none of its own.
    overwrite: false,
  });
}

const scalarCdn = 'https://cdn.jsdelivr.net';
const scalarFonts = 'https://fonts.scalar.com';

export function docsSecurityHeaders(): MiddlewareHandler {
  return secureHeaders({
    ...common,
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      scriptSrc: [NONCE, scalarCdn],
      styleSrc: ["'self'", "'unsafe-inline'", scalarCdn, scalarFonts],
      fontSrc: [scalarCdn, scalarFonts],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'none'"],
    },
  });
}
