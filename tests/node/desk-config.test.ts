// The desk's Worker (wrangler.desk.toml) works on the public Worker's data: the same KV
// namespace, the same write limit, the same settings and secrets, and the public Worker's
// Durable Objects, bound by its name. A binding or setting added to one Worker and not the
// other would break the desk in production only; this test fails instead.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unstable_getMiniflareWorkerOptions } from 'wrangler';

const { workerOptions: pub } = unstable_getMiniflareWorkerOptions('wrangler.toml');
const { workerOptions: desk } = unstable_getMiniflareWorkerOptions('wrangler.desk.toml');

const nameIn = (path: string) => /^name = "([^"]+)"/m.exec(readFileSync(path, 'utf8'))?.[1];

/** `[secrets] required` of a configuration. */
const requiredSecrets = (path: string) =>
  /\[secrets\]\s*required\s*=\s*\[([^\]]*)\]/.exec(readFileSync(path, 'utf8'))?.[1]?.trim();

describe('the desk’s Worker', () => {
  it('has the public Worker’s KV namespace, write limit, settings and secrets', () => {
    expect(desk.kvNamespaces).toEqual(pub.kvNamespaces);
    expect(desk.ratelimits).toEqual(pub.ratelimits);
    expect(desk.queueProducers).toEqual(pub.queueProducers);
    expect(desk.compatibilityDate).toBe(pub.compatibilityDate);
    expect(desk.bindings).toEqual(pub.bindings);
    expect(requiredSecrets('wrangler.desk.toml')).toBe(requiredSecrets('wrangler.toml'));
  });

  it('binds every Durable Object of the public Worker, in the public Worker', () => {
    const publicName = nameIn('wrangler.toml');
    expect(publicName).toBeTruthy();
    const classes = (objects: typeof pub.durableObjects) =>
      Object.fromEntries(
        Object.entries(objects ?? {}).map(([binding, target]) => [
          binding,
          typeof target === 'string' ? target : target.className,
        ]),
      );
    expect(classes(desk.durableObjects)).toEqual(classes(pub.durableObjects));
    for (const target of Object.values(desk.durableObjects ?? {}))
      expect(typeof target === 'string' ? undefined : target.scriptName).toBe(publicName);
  });

  it('is what the public Worker’s DESK binding names, and has no address of its own', () => {
    expect(readFileSync('wrangler.toml', 'utf8')).toContain(`service = "${nameIn('wrangler.desk.toml')}"`);
    expect(readFileSync('wrangler.desk.toml', 'utf8')).toMatch(/^workers_dev = false$/m);
  });
});
