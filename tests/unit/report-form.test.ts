import { describe, expect, it } from 'vitest';
import { figuresFromForm, formOfFigure } from '../../src/desk/forms/report-form.ts';
import type { CountFigure } from '../../src/domain/model.ts';

describe('a count in the desk’s form', () => {
  it('keeps its range, basis and start when a correction’s form is filled in from it and read back', () => {
    // SYNTHETIC counts.
    const total: CountFigure = {
      indicator: 'civilian_deaths',
      value: 40,
      high: 60,
      qualifier: 'approximately',
      basis: 'total',
      since: { date: '2022-02', qualifier: 'approximately' },
    };
    const period: CountFigure = {
      indicator: 'civilian_injuries',
      value: 7,
      qualifier: 'exact',
      basis: 'period',
    };
    for (const figure of [total, period]) {
      expect(figuresFromForm(formOfFigure(figure), undefined)).toEqual([figure]);
    }
  });
});
