// What the browser tests share: Debian's Chromium with the flags this closed network needs,
// and axe-core run on a page as it stands.

import type { AxeResults } from 'axe-core';
import axe from 'axe-core';
import type { Page } from 'playwright-core';

export const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// This machine's network is closed: without these, Chromium waits on connections to
// Google's services (updates, sync, QUIC probes) that never answer.
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface AxeViolation {
  id: string;
  impact: string | null | undefined;
  help: string;
  nodes: string[];
}

/**
 * axe-core's violations on the page as it stands, each printed. axe is injected as a script,
 * so the page must come from a context that bypasses its CSP.
 */
export async function axeViolations(page: Page, label: string): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axe.source });
  const results = await page.evaluate<AxeResults>("axe.run(document, { resultTypes: ['violations'] })");
  const found = results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(' ')),
  }));
  if (found.length > 0) console.log(`axe violations on ${label}:\n${JSON.stringify(found, null, 2)}`);
  return found;
}
