// The mirror of the change log in docs/api.md (examples/change-log-mirror.mjs), run against the
// Worker: after every kind of change, the figures it rebuilds from the log alone are the
// status the API shows. SYNTHETIC places and numbers.

import { describe, expect, it } from 'vitest';
import apiDocs from '../../docs/api.md?raw';
import { mirror } from '../../examples/change-log-mirror.mjs';
import example from '../../examples/change-log-mirror.mjs?raw';
import { call } from '../support/api.ts';
import { deaths, electricity, gas, remaining, syntheticReport } from '../support/builders.ts';
import { expectMirrorSameAsApi } from '../support/change-replica.ts';
import { correct, createPlace, postReport, retract } from '../support/seed-api.ts';

const [a, b] = ['mirror-a', 'mirror-b'];
const expectMirrorAsApi = (step: string) => expectMirrorSameAsApi([a, b], step);

const source = (name: string) => ({ name, kind: 'ngo' as const, language: 'en' });

describe('the mirror of the change log in docs/api.md', () => {
  it('is the code docs/api.md shows, in 30 lines or fewer', () => {
    const code = example.slice(example.indexOf('export '));
    const shown = /\*\*Mirroring the log\.\*\*[\s\S]*?```js\n([\s\S]*?)```/.exec(apiDocs)?.[1];
    expect(shown).toBe(code);
    expect(code.trimEnd().split('\n').length).toBeLessThanOrEqual(30);
  });

  it("rebuilds from the log alone every place's current figures, as the API shows them, after every kind of change", async () => {
    await createPlace(a);
    await createPlace(b);
    const first = await postReport(
      syntheticReport(a, {
        observed: '2024-02-20',
        figures: [deaths(10), remaining(500), electricity('unavailable')],
      }),
    );
    await expectMirrorAsApi('a new report');
    // Two sources disagree about the same month: the later published is current.
    const low = await postReport(
      syntheticReport(a, {
        observed: '2024-03',
        figures: [deaths(12)],
        source: source('Synthetic source A'),
      }),
    );
    const high = await postReport(
      syntheticReport(a, {
        observed: '2024-03',
        figures: [deaths(20)],
        source: source('Synthetic source B'),
      }),
    );
    const other = await postReport(syntheticReport(b, { figures: [deaths(3), gas('available')] }));
    await expectMirrorAsApi('a disagreement');

    const lowered = await correct(high.id, { figures: [deaths(18)] });
    await expectMirrorAsApi('a correction of a figure');
    await correct(first.id, { withoutFigures: ['population_remaining'] });
    await expectMirrorAsApi('a correction that drops a figure');
    const moved = await correct(other.id, { place: a, observed: '2024-03-20' });
    await expectMirrorAsApi('a correction filed under another place');

    await retract(low.id);
    await expectMirrorAsApi('a retraction');
    await retract(lowered);
    await expectMirrorAsApi('a retraction of a correction, which restores the report it corrected');
    await retract(moved);
    await expectMirrorAsApi('a retraction that restores a report in its own place');
    const again = await correct(high.id, { figures: [deaths(25)], observed: '2024-03-02' });
    const ofCorrection = await correct(again, { figures: [deaths(30)] });
    await retract(ofCorrection);
    await expectMirrorAsApi('a retraction of a correction of a correction');
    expect(Object.keys((await mirror((url) => call(url), '/api/v1/changes'))[a] ?? {}).sort()).toEqual([
      'civilian_deaths',
      'electricity',
    ]);
  }, 60_000);
});
