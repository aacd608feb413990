import { describe, expect, it } from 'vitest';
import seedFile from '../../seeds/bakhmut.json';
import { reportInput } from '../../src/domain/model.ts';
import { summarizeFigure } from '../../src/domain/status.ts';
import {
  figureRows,
  formatCount,
  formatNumber,
  formatPartialDate,
  formatTimestamp,
  readCount,
  rowWords,
  timeSince,
} from '../../src/words/figures.ts';
import { changeHeadline, headline } from '../../src/words/headline.ts';
import { messages } from '../../src/words/messages.ts';
import { issueDetail } from '../../src/words/validation.ts';

const m = messages.uk;
const seed = reportInput.parse(seedFile.reports.at(-1)?.report);

describe('Ukrainian numbers', () => {
  it('groups digits with a no-break space, as Intl.NumberFormat("uk") does', () => {
    expect(formatNumber(12000, 'uk')).toBe('12\u00A0000');
    expect(formatNumber(1234567, 'uk')).toBe(new Intl.NumberFormat('uk').format(1234567));
    expect(formatNumber(950, 'uk')).toBe('950');
  });

  it('keeps every qualifier exact: близько, щонайменше, щонайбільше', () => {
    expect(formatCount(12000, 'approximately', 'uk')).toBe('близько 12\u00A0000');
    expect(formatCount(120, 'at_least', 'uk')).toBe('щонайменше 120');
    expect(formatCount(40, 'at_most', 'uk', 60)).toBe('щонайбільше 40–60');
    expect(formatCount(7, 'exact', 'uk')).toBe('7');
  });

  it('reads back a number written the Ukrainian way', () => {
    expect(readCount(formatNumber(12000, 'uk'))).toBe(12000);
  });
});

describe('Ukrainian dates', () => {
  it('puts a month after a day in the genitive, and leaves a month on its own in the nominative', () => {
    expect(formatPartialDate('2026-12-05', 'uk')).toBe('5 грудня 2026');
    expect(formatPartialDate('2026-12', 'uk')).toBe('грудень 2026');
    expect(formatPartialDate('2026', 'uk')).toBe('2026');
    expect(formatTimestamp('2026-11-24T21:33:00.000Z', 'uk')).toBe('24 листопада 2026, 21:33 UTC');
  });

  it('says since when in the genitive, with the qualifier before the preposition', () => {
    const [electricity] = figureRows(seed.figures, 'uk', [], '2022-11');
    expect(electricity && rowWords(electricity, 'uk')).toBe('немає приблизно з вересня 2022');
  });
});

describe('Ukrainian plural forms', () => {
  it('counts reports in the one, few and many forms', () => {
    expect([1, 2, 4, 5, 11, 21, 22, 25, 111].map(m.reportCount)).toEqual([
      '1 звіт',
      '2 звіти',
      '4 звіти',
      '5 звітів',
      '11 звітів',
      '21 звіт',
      '22 звіти',
      '25 звітів',
      '111 звітів',
    ]);
  });

  it('says how long ago in the accusative "тому" needs', () => {
    const at = (minutes: number) =>
      timeSince('2026-01-01T00:00:00Z', new Date(Date.UTC(2026, 0, 1, 0, minutes)), 'uk');
    expect([1, 2, 5, 21].map(at)).toEqual([
      '1 хвилину тому',
      '2 хвилини тому',
      '5 хвилин тому',
      '21 хвилину тому',
    ]);
    expect(m.ago(3, 'hour')).toBe('3 години тому');
    expect(m.ago(5, 'year')).toBe('5 років тому');
  });

  it('states a duration in the genitive "протягом" needs', () => {
    expect([1, 2, 5, 14, 21].map(m.monthCount)).toEqual([
      'одного місяця',
      'двох місяців',
      'пʼяти місяців',
      '14 місяців',
      '21 місяця',
    ]);
  });

  it('words a length rule with the form its number needs', () => {
    expect(issueDetail({ kind: 'length', bound: 'max', limit: 2, unit: 'characters' }, 'uk')).toBe(
      'Напишіть щонайбільше 2 символи.',
    );
    expect(issueDetail({ kind: 'length', bound: 'min', limit: 5, unit: 'items' }, 'uk')).toBe(
      'Напишіть щонайменше 5 елементів.',
    );
  });
});

describe('headlines in every page language', () => {
  const figures = seed.figures.map(summarizeFigure);

  it('words the seed report in Ukrainian', () => {
    expect(headline('Бахмут', figures, '2022-11', 'unconfirmed', 'new', 'uk')).toBe(
      'Бахмут, листопад 2022: без електропостачання, газопостачання чи водопостачання протягом близько двох місяців; мешканців залишилося — 12\u00A0000 з близько 80\u00A0000; загиблих цивільних — щонайменше 120 загалом (не підтверджено)',
    );
  });

  it('words the seed report in Dutch', () => {
    expect(headline('Bachmoet', figures, '2022-11', 'unconfirmed', 'new', 'nl')).toBe(
      'Bachmoet, november 2022: geen elektriciteit, gas of stromend water, al ongeveer twee maanden; 12.000 van ongeveer 80.000 inwoners over; ten minste 120 burgerdoden in totaal (onbevestigd)',
    );
  });

  it('says what a correction changed, in Ukrainian', () => {
    const deaths = (value: number) =>
      ({ indicator: 'civilian_deaths', value, qualifier: 'at_least' }) as const;
    expect(
      changeHeadline(
        'correction',
        'Бахмут',
        [],
        '2022-11',
        'unconfirmed',
        [{ indicator: 'civilian_deaths', before: deaths(120), after: deaths(95) }],
        'перерахунок',
        'uk',
      ),
    ).toBe(
      'Виправлення: Бахмут, листопад 2022: загиблих цивільних — щонайменше 120 → щонайменше 95 (не підтверджено); причина: перерахунок',
    );
  });
});
