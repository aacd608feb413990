// A SYNTHETIC place for the browser test, beside the seeded Bakhmut report: the seed has one
// report, so only invented data shows the chart, a correction and a retraction in a browser.
// Sent through the API with the local development token, as npm start seeds.

const token = 'local-dev-token';

const source = { name: 'Synthetic NGO', kind: 'ngo', language: 'en' } as const;
const summary = { text: 'SYNTHETIC report for the browser test.', language: 'en' } as const;

function remaining(observed: string, value: number, qualifier: string, verification: string) {
  return {
    place: 'synthville',
    observed,
    figures: [{ indicator: 'population_remaining', value, qualifier }],
    summary,
    source,
    verification,
  };
}

async function send(base: string, method: string, path: string, body: unknown): Promise<{ id: string }> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string };
}

export async function addSyntheticPlace(base: string): Promise<void> {
  await send(base, 'PUT', '/api/v1/places/synthville', {
    names: { en: 'Synthville (synthetic)', nl: 'Synthdorp (synthetisch)' },
    country: { code: 'XX', name: 'Synthetic country' },
  });
  await send(base, 'POST', '/api/v1/reports', remaining('2024-01', 41000, 'approximately', 'corroborated'));
  await send(base, 'POST', '/api/v1/reports', remaining('2024-03', 30000, 'at_least', 'verified'));
  const corrected = await send(
    base,
    'POST',
    '/api/v1/reports',
    remaining('2024-05', 18000, 'exact', 'disputed'),
  );
  const withdrawn = await send(
    base,
    'POST',
    '/api/v1/reports',
    remaining('2024-06', 9000, 'at_most', 'unconfirmed'),
  );
  await send(base, 'POST', `/api/v1/reports/${corrected.id}/corrections`, {
    ...remaining('2024-05', 16000, 'approximately', 'disputed'),
    reason: 'Synthetic: revised.',
  });
  await send(base, 'POST', `/api/v1/reports/${withdrawn.id}/retraction`, { reason: 'Synthetic: withdrawn.' });
  await derived(base, Date.now() + 10_000);
}

/**
 * Documents are derived at most once a second per key (DOCUMENT_WRITE_INTERVAL_MS), so a
 * burst of writes shows within about two seconds: wait until the place's history has it all.
 */
async function derived(base: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const response = await fetch(`${base}/api/v1/places/synthville/reports`);
    const { reports } = (await response.json()) as { reports: { state: string }[] };
    const states = reports.map((r) => r.state).sort();
    if (states.join() === 'active,active,active,retracted,superseded') return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the synthetic reports did not reach the place document in time');
}
