import { describe, expect, it } from 'vitest';
import { type ReportFormState, renderReportForm } from '../../src/desk/pages/report-form.tsx';
import type { PageSite } from '../../src/render/site.ts';

const site: PageSite = {
  origin: 'https://status.example.org',
  path: '/desk/reports/new',
  languageInUrl: false,
};

function form(
  values: Record<string, string>,
  errors: Record<string, string[]> = {},
  language: 'en' | 'nl' = 'en',
) {
  const state: ReportFormState = { values, errors, formToken: 'f'.repeat(64), places: [] };
  return renderReportForm(state, site, language);
}

/** The ids of the boxes the page has open. */
function openBoxes(html: string): string[] {
  return [...html.matchAll(/<details ([^>]*)>/g)]
    .filter(([, attributes]) => / open=""/.test(attributes ?? ''))
    .map(
      ([, attributes]) =>
        /id="([^"]+)"/.exec(attributes ?? '')?.[1] ?? /class="([^"]+)"/.exec(attributes ?? '')?.[1] ?? '',
    );
}

describe('the boxes of the report form', () => {
  it('are all closed on a new form', () => {
    const html = form({});
    expect(html.match(/<details class="figure-box"/g)).toHaveLength(8);
    expect(html.match(/<details class="figure-source-box"/g)).toHaveLength(7);
    expect(openBoxes(html)).toEqual([]);
  });

  it('open by themselves when they hold something written, and not for a choice left as it was', () => {
    const html = form({
      'electricity.state': 'unavailable',
      'population_remaining.value': '12.000',
      'population_remaining.sourceName': 'SYNTHETIC voice',
      // a choice holds an option whether or not the figure was filled in
      'civilian_deaths.qualifier': 'approximately',
      'civilian_deaths.sourceKind': 'ngo',
      'gas.state': '',
      'original.text': 'SYNTHETISCHE tekst.',
      'source.url': 'https://example.org/synthetic',
    });
    expect(openBoxes(html)).toEqual([
      'figure-electricity',
      'figure-population_remaining',
      'figure-source-box',
      'original-box',
      'source-more-box',
    ]);
    // the figure's own source box is the one inside the residents' box
    const residents = html.slice(
      html.indexOf('id="figure-population_remaining"'),
      html.indexOf('id="figure-civilian_deaths"'),
    );
    expect(residents).toContain('<details class="figure-source-box" open="">');
  });

  it('open by themselves when they hold a problem, each linked from the summary above the form', () => {
    const html = form(
      {},
      {
        'gas.state': ['Pick one of the states.'],
        civilian_deaths: ['A count for a period needs its period.'],
        'population_remaining.sourceKind': ['Pick one of the kinds.'],
        'original.language': ['Write a language code.'],
        '': ['Something of the whole report.'],
      },
    );
    expect(openBoxes(html)).toEqual([
      'figure-gas',
      'figure-population_remaining',
      'figure-source-box',
      'figure-civilian_deaths',
      'original-box',
    ]);
    const summary = html.slice(
      html.indexOf('<div class="form-problem" role="alert">'),
      html.indexOf('<form'),
    );
    expect(summary).toContain('<h2>This cannot be published yet</h2>');
    expect(summary).toContain('<li><a href="#field-gas-state">Gas — State: Pick one of the states.</a></li>');
    expect(summary).toContain(
      '<li><a href="#figure-civilian_deaths">Civilians killed: A count for a period needs its period.</a></li>',
    );
    expect(summary).toContain(
      '<a href="#field-population_remaining-sourceKind">Residents remaining — Stated by someone else than the source of the report — Kind: Pick one of the kinds.</a>',
    );
    expect(summary).toContain('<a href="#field-original-language">Original text — Language');
    expect(summary).toContain('<li>Something of the whole report.</li>');
    // each link leads to a control or box the page has
    for (const [, id] of summary.matchAll(/href="#([^"]+)"/g)) expect(html).toContain(`id="${id}"`);
  });

  it('mark a field’s problem by an icon, aria-invalid and aria-describedby, not by colour alone', () => {
    const html = form(
      { 'civilian_injuries.value': 'twelve' },
      { 'civilian_injuries.value': ['Write a number.'] },
    );
    expect(html).toMatch(
      /<span class="field-problem"><svg class="icon icon-problem"[^>]*aria-hidden="true"[\s\S]*?<\/svg><span id="field-civilian_injuries-value-problem">Write a number.<\/span><\/span>/,
    );
    expect(html).toMatch(
      /<input id="field-civilian_injuries-value" name="civilian_injuries.value" aria-describedby="field-civilian_injuries-value-hint field-civilian_injuries-value-problem" aria-invalid="true"/,
    );
  });

  it('put each hint under its label, before its control', () => {
    const html = form({});
    const observed = html.slice(html.indexOf('<label for="field-observed">'));
    expect(observed.indexOf('id="field-observed-hint"')).toBeLessThan(
      observed.indexOf('<input id="field-observed"'),
    );
  });
});
