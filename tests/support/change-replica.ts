// A client of the change log, as a dashboard that keeps its own copy would be: it follows the
// cursor, validates every answer against schema/, applies each change's effects, and can be
// compared with the state of the API; and the mirror of docs/api.md (examples/change-log-mirror.mjs),
// which rebuilds every place's current figures from the log alone.

import { type Schema, Validator } from '@cfworker/json-schema';
import { expect } from 'vitest';
import { mirror } from '../../examples/change-log-mirror.mjs';
import changePageSchema from '../../schema/change-page.schema.json';
import type { Change, ChangeList } from '../../src/domain/changes.ts';
import type { PlaceView, ReportSummary } from '../../src/domain/model.ts';
import { pickCurrent, summarizeFigure } from '../../src/domain/status.ts';
import { call, json, origin } from './api.ts';

const validator = new Validator(changePageSchema as Schema, '2020-12', false);

interface Held {
  place: string;
  state: string;
  supersededBy?: string;
  restoredFrom?: string;
}

/** A client of the change log: it follows the cursor and applies each change's effects. */
export class Replica {
  cursor: string | undefined;
  readonly held = new Map<string, Held>();
  /** Every change seen, as kind and report, in the order seen. */
  readonly seen: string[] = [];
  /** Every change seen, whole, in the order seen. */
  readonly changes: Change[] = [];
  answers = 0;

  /** Asks until an answer has no changes: then it holds everything the log holds. */
  async catchUp(): Promise<void> {
    for (let asked = 0; asked < 100; asked++) {
      const path = this.cursor === undefined ? '/api/v1/changes' : `/api/v1/changes?after=${this.cursor}`;
      const response = await call(path);
      expect(response.status, await response.clone().text()).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const page = await json<ChangeList>(response);
      const result = validator.validate(page);
      expect(result.errors, JSON.stringify(page).slice(0, 300)).toEqual([]);
      expect(page.changes.length).toBeLessThanOrEqual(100);
      expect(page.next).toBe(`${origin}/api/v1/changes?after=${page.nextCursor}`);
      this.answers++;
      for (const change of page.changes) this.apply(change);
      this.cursor = page.nextCursor;
      if (page.changes.length === 0) return;
    }
    throw new Error('the log never ended');
  }

  private apply(change: Change): void {
    this.seen.push(`${change.kind} ${change.report}`);
    this.changes.push(change);
    for (const { report, ...fate } of change.effects) this.held.set(report, fate);
  }

  ofPlace(slug: string): string[] {
    return [...this.held].filter(([, h]) => h.place === slug).map(([id]) => id);
  }
}

/** The replica holds every report of these places in the state the API gives it, and their status. */
export async function expectSameAsApi(replica: Replica, slugs: readonly string[]) {
  for (const slug of slugs) {
    const history = await json<{ reports: ReportSummary[] }>(
      await call(`/api/v1/places/${slug}/reports?limit=200`),
    );
    expect(replica.ofPlace(slug).sort()).toEqual(history.reports.map((r) => r.id).sort());
    for (const summary of history.reports) {
      const view = await json(await call(`/api/v1/reports/${summary.id}`));
      expect(replica.held.get(summary.id), summary.id).toEqual({
        place: slug,
        state: view.state,
        ...(view.supersededBy ? { supersededBy: view.supersededBy } : {}),
        ...(view.restored ? { restoredFrom: view.restored.correction } : {}),
      });
    }
    // The place's status is what the replica's active reports make it.
    const held = history.reports.map((s) => ({ ...s, state: replica.held.get(s.id)?.state ?? 'unknown' }));
    const expected = Object.fromEntries([...pickCurrent(held as ReportSummary[])].map(([i, s]) => [i, s.id]));
    const { status } = await json(await call(`/api/v1/places/${slug}`));
    const shown = Object.fromEntries(
      Object.entries(status.indicators as Record<string, { report: string }>).map(([i, s]) => [i, s.report]),
    );
    expect(shown).toEqual(expected);
  }
}

/** What the mirror should hold of a place: per indicator, the figure the API shows as current. */
async function currentFiguresOf(slug: string) {
  const { status } = await json<PlaceView>(await call(`/api/v1/places/${slug}`));
  return Object.fromEntries(
    Object.entries(status.indicators).map(([indicator, s]) => [
      indicator,
      { figure: summarizeFigure(s.figure), report: s.report, observed: s.observed },
    ]),
  );
}

/** The mirror of docs/api.md, run from the start of the log, holds the current figures the API shows. */
export async function expectMirrorSameAsApi(slugs: readonly string[], after = 'the changes') {
  const mirrored = await mirror((url) => call(url), '/api/v1/changes');
  for (const slug of slugs) {
    expect(mirrored[slug] ?? {}, `${slug} after ${after}`).toEqual(await currentFiguresOf(slug));
  }
}
