// The exports loaded as dashboards load them: into DuckDB (@duckdb/node-api, a real
// analytics engine), from the files a local Worker serves, seeded as `npm start` seeds and
// with the SYNTHETIC place of the browser test (a correction and a retraction among its
// reports). The query is the chart people ask for: residents remaining over time.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeededWorker, startSeededWorker } from '../browser/server.ts';
import { addSyntheticPlace } from '../browser/synthetic.ts';

const port = Number(process.env.DASHBOARD_TEST_PORT ?? 8796);
let worker: SeededWorker | undefined;
const folder = mkdtempSync(join(tmpdir(), 'status-dashboard-test-'));

/**
 * The documents of all places follow the place's own within a second or two (each key is
 * written at most once a second): wait, bounded, until the list of places and the newest
 * reports show the synthetic place's last change.
 */
async function allPlacesDerived(base: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const places = (await (await fetch(`${base}/api/v1/places`)).json()) as {
      places: { slug: string; indicators: { population_remaining?: { figure: { value: number } } } }[];
    };
    const recent = (await (await fetch(`${base}/api/v1/reports?limit=10`)).json()) as {
      reports: { state: string }[];
    };
    const synthville = places.places.find((p) => p.slug === 'synthville');
    const retracted = recent.reports.some((r) => r.state === 'retracted');
    if (synthville?.indicators.population_remaining?.figure.value === 16_000 && retracted) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the documents of all places did not show the synthetic place in time');
}

beforeAll(async () => {
  worker = await startSeededWorker(port, 120_000);
  await addSyntheticPlace(worker.base);
  await allPlacesDerived(worker.base, Date.now() + 20_000);
}, 180_000);

afterAll(async () => {
  await worker?.stop();
  rmSync(folder, { recursive: true, force: true });
});

/** Downloads an export to a file, as a dashboard's "from web" step does. */
async function download(path: string, name: string): Promise<string> {
  const response = await fetch(`${worker?.base}${path}`, { signal: AbortSignal.timeout(10_000) });
  expect(response.status).toBe(200);
  const file = join(folder, name);
  writeFileSync(file, await response.text());
  return file;
}

async function query(sql: string): Promise<Record<string, unknown>[]> {
  const db = await DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    connection.closeSync();
  }
}

describe('the exports in DuckDB', () => {
  it('charts residents remaining over time from the series, with dates as dates and counts as numbers', async () => {
    const file = await download(
      '/exports/series.csv?indicator=population_remaining&place=synthville&hxl=false',
      'series.csv',
    );
    const rows = await query(`
      select "Observed start" as day, "Value" as residents,
             typeof("Observed start") as day_type, typeof("Value") as residents_type
      from read_csv('${file}', header = true)
      order by day`);
    // the report corrected from 18,000 to 16,000 is there once, as corrected; the retracted one is not
    expect(rows.map((r) => [r.day, r.residents])).toEqual([
      ['2024-01-01', '41000'],
      ['2024-03-01', '30000'],
      ['2024-05-01', '16000'],
    ]);
    expect(new Set(rows.map((r) => `${r.day_type} ${r.residents_type}`))).toEqual(new Set(['DATE BIGINT']));
  });

  it('reads the wide table as one row per place, a numeric column per count', async () => {
    const file = await download('/exports/places.csv?hxl=false', 'places.csv');
    const rows = await query(`
      select "Place slug" as place, "Residents remaining" as residents, typeof("Residents remaining") as type,
             "Latitude" as lat, "Electricity" as electricity
      from read_csv('${file}', header = true)
      order by place`);
    expect(rows.map((r) => r.place)).toEqual(['bakhmut', 'synthville']);
    expect(rows.find((r) => r.place === 'bakhmut')).toMatchObject({
      residents: '12000',
      electricity: 'unavailable',
    });
    expect(rows.find((r) => r.place === 'synthville')).toMatchObject({ residents: '16000' });
    expect(new Set(rows.map((r) => r.type))).toEqual(new Set(['BIGINT']));
  });

  it('reads the long status table as a complete grid: what is missing, and each count with its basis', async () => {
    const file = await download('/exports/status.csv?hxl=false', 'status.csv');
    const rows = await query(`
      select "Indicator" as indicator, "Coverage" as coverage, "Value" as value, "Basis" as basis,
             typeof("Value") as value_type
      from read_csv('${file}', header = true)
      where "Place slug" = 'bakhmut'`);
    // every indicator of the registry has its row; the seed says nothing of injuries
    expect(rows).toHaveLength(8);
    expect(rows.filter((r) => r.coverage === 'not_reported').map((r) => r.indicator)).toEqual([
      'civilian_injuries',
    ]);
    expect(rows.find((r) => r.indicator === 'civilian_deaths')).toMatchObject({
      value: '120',
      basis: 'total',
    });
    expect(new Set(rows.map((r) => r.value_type))).toEqual(new Set(['BIGINT']));
  });

  it('reads the whole history as a table, every report once', async () => {
    const file = await download('/exports/reports.csv?hxl=false', 'reports.csv');
    const [row] = await query(`
      select count(distinct "Report") as reports, count(*) filter (where "Report state" = 'retracted') as retracted
      from read_csv('${file}', header = true)`);
    const listed = (await (await fetch(`${worker?.base}/api/v1/reports?limit=200`)).json()) as {
      reports: { state: string }[];
    };
    const retracted = listed.reports.filter((r) => r.state === 'retracted').length;
    expect(row).toMatchObject({ reports: String(listed.reports.length), retracted: String(retracted) });
    expect(retracted).toBe(1);
  });
});
