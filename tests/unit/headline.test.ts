import { describe, expect, it } from 'vitest';
import seedFile from '../../seeds/bakhmut.json';
import { reportInput } from '../../src/domain/model.ts';
import { summarizeFigure } from '../../src/domain/status.ts';
import { changeHeadline, headline, reasonForTitle } from '../../src/words/headline.ts';

const seed = reportInput.parse(seedFile.reports.at(-1)?.report);
const figures = (ids: string[]) => seed.figures.filter((f) => ids.includes(f.indicator)).map(summarizeFigure);

describe('headline', () => {
  it('says the place and the utilities cut, for how long, hedged as the source hedged', () => {
    expect(
      headline(
        'Bakhmut',
        figures(['electricity', 'gas', 'running_water']),
        '2022-11',
        'unconfirmed',
        'new',
        'en',
      ),
    ).toBe('Bakhmut, November 2022: no electricity, gas or running water for about two months (unconfirmed)');
  });

  it('states remaining residents out of the baseline, each with its qualifier', () => {
    expect(
      headline(
        'Bakhmut',
        figures(['population_baseline', 'population_remaining']),
        '2022-11',
        'unconfirmed',
        'new',
        'en',
      ),
    ).toBe('Bakhmut, November 2022: 12,000 of about 80,000 residents remain (unconfirmed)');
  });

  it('keeps "at least" for a count the source gave as a minimum', () => {
    expect(headline('Bakhmut', figures(['civilian_deaths']), '2022-11', 'corroborated', 'new', 'en')).toBe(
      'Bakhmut, November 2022: at least 120 civilians killed in all (corroborated)',
    );
  });

  it('prefixes corrections and retractions', () => {
    const deaths = figures(['civilian_deaths']);
    expect(headline('Testville', deaths, '2022-11', 'verified', 'correction', 'en')).toMatch(
      /^Corrected: Testville, November 2022: /,
    );
    expect(headline('Testville', deaths, '2022-11', 'disputed', 'retraction', 'en')).toMatch(
      /^Retracted: Testville, November 2022: .*\(disputed\)$/,
    );
    expect(headline('Testville', deaths, '2022-11', 'verified', 'restored', 'en')).toMatch(
      /^Restored: Testville, November 2022: /,
    );
  });

  it('says a count of one in the singular', () => {
    expect(
      headline(
        'Testville',
        [{ indicator: 'civilian_injuries', value: 1, qualifier: 'at_least' }],
        '2024-03',
        'verified',
        'new',
        'en',
      ),
    ).toBe('Testville, March 2024: at least 1 civilian injured in all (verified)');
  });

  it('names the observed period at the precision the source gave it', () => {
    const deaths = figures(['civilian_deaths']);
    expect(headline('Testville', deaths, '2022', 'verified', 'new', 'en')).toMatch(/^Testville, 2022: /);
    expect(headline('Testville', deaths, '2022-11-05', 'verified', 'new', 'en')).toMatch(
      /^Testville, 5 November 2022: /,
    );
  });

  it('joins the whole seed report in registry order', () => {
    expect(
      headline('Bakhmut', seed.figures.map(summarizeFigure), '2022-11', 'unconfirmed', 'new', 'en'),
    ).toBe(
      'Bakhmut, November 2022: no electricity, gas or running water for about two months; 12,000 of about 80,000 residents remain; at least 120 civilians killed in all (unconfirmed)',
    );
  });

  it('groups utilities by state and states an exact count without a hedge', () => {
    expect(
      headline(
        'Testville',
        [
          { indicator: 'electricity', state: 'intermittent' },
          { indicator: 'running_water', state: 'available' },
          { indicator: 'civilian_injuries', value: 3, qualifier: 'exact' },
        ],
        '2024-03',
        'verified',
        'new',
        'en',
      ),
    ).toBe(
      'Testville, March 2024: intermittent electricity; running water available; 3 civilians injured in all (verified)',
    );
  });

  it('names a situation update when there is nothing else to say', () => {
    expect(headline('Testville', [{ indicator: 'situation' }], '2024-03', 'unconfirmed', 'new', 'en')).toBe(
      'Testville, March 2024: situation update (unconfirmed)',
    );
  });
});

describe('changeHeadline', () => {
  const deaths = figures(['civilian_deaths']);

  it('says what a correction changed, before and after, and why', () => {
    expect(
      changeHeadline(
        'correction',
        'Testville',
        deaths,
        '2022-11',
        'unconfirmed',
        [
          {
            indicator: 'civilian_deaths',
            before: { indicator: 'civilian_deaths', value: 120, qualifier: 'at_least' },
            after: { indicator: 'civilian_deaths', value: 95, qualifier: 'at_least' },
          },
          {
            indicator: 'electricity',
            before: { indicator: 'electricity', state: 'unavailable' },
            after: { indicator: 'electricity', state: 'intermittent' },
          },
        ],
        'SYNTHETIC: recounted',
        'en',
      ),
    ).toBe(
      'Correction to Testville, November 2022: at least 120 → at least 95 civilians killed; electricity: unavailable → intermittent (unconfirmed), because SYNTHETIC: recounted',
    );
  });

  it('names a withdrawal and a restoration as changes to an earlier report', () => {
    expect(
      changeHeadline('retraction', 'Testville', deaths, '2022-11', 'disputed', undefined, 'why', 'en'),
    ).toBe(
      'Withdrawn: Testville, November 2022: at least 120 civilians killed in all (disputed), because why',
    );
    expect(changeHeadline('restored', 'Testville', deaths, '2022-11', 'verified', [], 'why', 'en')).toBe(
      'Restored: Testville, November 2022: at least 120 civilians killed in all (verified), as the correction that had replaced it was withdrawn because why',
    );
  });

  it('carries the first words of a long reason', () => {
    const reason = reasonForTitle(`SYNTHETIC ${'word '.repeat(100)}`);
    expect(reason.length).toBeLessThanOrEqual(141);
    expect(reason).toMatch(/word…$/);
  });
});
