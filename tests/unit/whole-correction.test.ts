import { describe, expect, it } from 'vitest';
import { readReportForm } from '../../src/desk/forms/report-form.ts';
import { changesOf, formOfReport } from '../../src/desk/forms/whole-correction.ts';
import { reportInput } from '../../src/domain/model.ts';
import { acceptedReport, deaths, electricity } from '../support/builders.ts';

// SYNTHETIC: a report with a utility and a count, the source's link only the API can give.
const original = acceptedReport(1, {
  figures: [electricity('unavailable'), { ...deaths(120), basis: 'total' }],
  source: { name: 'SYNTHETIC source', kind: 'ngo', language: 'en', url: 'https://example.org/a' },
});

/** What the form's fields change, as the desk's route reads them. */
function changesFrom(fields: Record<string, string>) {
  const places = [{ slug: original.place, title: 'SYNTHETIC place', names: [], area: '' }];
  return changesOf(original, fields, reportInput.parse(readReportForm(fields, places).input), places);
}

describe('a whole report’s correction at the desk', () => {
  it('changes nothing when the form comes back as it was filled in, selects and number forms included', () => {
    const untouched = formOfReport(original);
    expect(changesFrom(untouched)).toEqual({});
    // A browser sends every select, and a number may come back written as people write it.
    expect(
      changesFrom({
        ...untouched,
        'electricity.sinceQualifier': 'exact',
        'electricity.sourceKind': 'official',
        'civilian_deaths.value': '120',
      }),
    ).toEqual({});
  });

  it('names only the parts changed, the figures added or changed, and those dropped', () => {
    const fields = {
      ...formOfReport(original),
      'summary.text': 'SYNTHETIC: corrected summary',
      'electricity.state': '',
      'civilian_deaths.value': '112',
      'population_remaining.value': '8.000',
      'population_remaining.qualifier': 'approximately',
    };
    expect(changesFrom(fields)).toEqual({
      summary: { text: 'SYNTHETIC: corrected summary', language: 'en' },
      figures: [
        { indicator: 'population_remaining', value: 8000, qualifier: 'approximately', basis: 'total' },
        { indicator: 'civilian_deaths', value: 112, qualifier: 'at_least', basis: 'total' },
      ],
      withoutFigures: ['electricity'],
    });
  });

  it('sends the whole source when any of its fields changed, the link among them', () => {
    const changes = changesFrom({ ...formOfReport(original), 'source.role': 'SYNTHETIC spokesperson' });
    expect(changes).toEqual({
      source: {
        name: 'SYNTHETIC source',
        role: 'SYNTHETIC spokesperson',
        kind: 'ngo',
        language: 'en',
        url: 'https://example.org/a',
      },
    });
  });
});
