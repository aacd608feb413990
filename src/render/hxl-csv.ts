// HXL-tagged CSV (https://hxlstandard.org) for aid dashboards: a header row for people, a
// row of HXL hashtags for machines (left out on request, so that a spreadsheet reads each
// column's type from its data), then the data. The status and history tables are long (one
// row per place and indicator, or per report and figure): the indicator registry grows by
// data, and a new indicator arrives there as new rows, not as a column that moves others.
// The wide table (one row per place, below) is for charting; a new indicator adds its
// columns at the end of it. Every cell goes through csv.ts, which quotes
// per RFC 4180 and neutralises text a spreadsheet would run as a formula. The desk's import
// reads the same columns back (src/desk/import/report-table.ts): `reads` says where in a report.
//
// Hashtags are written in HXL's normalised form, without spaces ("#date+reported").
// Why each column has the tag it has:
// - The long tables name the indicator in a column, so the value is "#indicator+num" on every
//   row. Dictionary tags that name the quantity itself ("#affected+killed",
//   "#population+total") describe a whole column of one quantity; here they would be false
//   on every row of another indicator, so they are not used.
// - "+qualifier" (exact, approximately, at_least, at_most) is an attribute of our own, as
//   HXL allows: the dictionary has none for how hedged a number is, and a dashboard must be
//   able to tell "at least 120" from "120".
// - A figure stated as part of another ("about 12,000 of about 80,000 residents": the
//   registry's `outOf`) carries the whole in "+total" columns, HXL's attribute for the
//   total the other figures are part of, and names the whole's indicator.
// - "#date+observed" is when the conditions held, at the precision the source gave
//   ("2022-11" stays a month: ISO 8601 allows reduced precision); "#date+reported" is when
//   this service published the report; "#date+start" is when a utility's state began.
// - "#country+code+v_iso2": HXL tools assume ISO 3166-1 alpha-3 unless told otherwise, and
//   "+v_iso2" is HXL's vocabulary attribute for alpha-2 codes.
// - "#loc+code" is the place's slug, its stable machine-readable code in every URL here;
//   p-codes are in the "#adm1+code"… columns.
// - "#status+verification" and "#status+report": HXL's #status is the status of a report;
//   the attribute says which (how sure we are; active, superseded or retracted).
// - "#meta+source" is who said it: in the status table, the figure's own source when it has
//   one (history rows name the report's: the history index holds no per-figure sources);
//   "#meta+quote" the original's words that state it.
// - "#meta+id" and "#meta+url" identify the report and its JSON, as they always have;
//   "#meta+url+page" is its page for people, added beside them so no column moved.
// - "#date+stale_after" is the last day the figure counts as current (docs/data-model.md#freshness).
//   A stored file never depends on the clock, so it cannot say "stale": a reported figure is
//   stale once its stale-after day has passed, which a reader compares with its own today.
// - A count's range is its low bound in "#indicator+num" (what a single number counts as)
//   and its high bound in "#indicator+num+high"; "+basis" says whether it is a running
//   total or a count for the observed period, and "#date+start" (a utility's since) says,
//   for a total, since when it counts.
// - "#indicator+coverage" is reported or not_reported: the status table has a row for every
//   indicator of every place, so that no report is never read as nothing to report.
// - Sources that disagree: the lowest and highest number any of them gave are
//   "#indicator+num+sources_low" and "+sources_high", how many sources "#meta+source_count".
// - A count for a period shown beside a running total has the attribute "+period" on each
//   of its columns (value, high, qualifier, observed, report).
// - Columns added to a long table go at its end, so that no column a dashboard maps by
//   position moves.

import { basisOf } from '../domain/counts.ts';
import { basesOf, findIndicator, type IndicatorId, indicatorRegistry } from '../domain/indicators.ts';
import type { FigureSummary, IndicatorStatusSummary, PlaceSummary, ReportSummary } from '../domain/model.ts';
import type { SeriesPoint } from '../domain/series.ts';
import { type CsvCell, renderCsv } from './csv.ts';
import { type FeedSite, reportJsonUrl, reportPageUrl } from './site.ts';

type ExportSite = Pick<FeedSite, 'origin'>;

/**
 * Where an import puts a column's cells (docs/desk.md#importing-reports-from-a-spreadsheet): in the report, or in the figure
 * of its row, at a JSON Pointer. A column without one is derived by the service, so an
 * import leaves it as the export wrote it.
 */
export interface ReportField {
  level: 'report' | 'figure';
  pointer: string;
}

/** A column's name for people and for machines, and what an import reads from it. */
export interface TableColumn {
  header: string;
  tag: string;
  reads?: ReportField;
}

interface Column<Row> extends TableColumn {
  cell: (row: Row, site: ExportSite) => CsvCell;
}

const inReport = (pointer: string): ReportField => ({ level: 'report', pointer });
const inFigure = (pointer: string): ReportField => ({ level: 'figure', pointer });

type CountSummary = Extract<FigureSummary, { value: number }>;

/**
 * A figure of an indicator and, when the registry states it as part of another, the figure
 * of the whole. A row of an indicator not reported has no figure.
 */
interface FigureCells {
  indicator: string | undefined;
  figure: FigureSummary | undefined;
  whole: CountSummary | undefined;
}

/** The same columns over a bigger row. */
function over<Row, Part>(columns: readonly Column<Part>[], part: (row: Row) => Part): Column<Row>[] {
  return columns.map((column) => ({ ...column, cell: (row, site) => column.cell(part(row), site) }));
}

const figureColumns: Column<FigureCells>[] = [
  {
    header: 'Indicator',
    tag: '#indicator+code',
    reads: inFigure('/indicator'),
    cell: ({ indicator }) => indicator,
  },
  {
    header: 'Indicator label',
    tag: '#indicator+name',
    cell: ({ indicator }) => indicator && findIndicator(indicator)?.label.en,
  },
  {
    header: 'Value',
    tag: '#indicator+num',
    reads: inFigure('/value'),
    cell: ({ figure }) => countOf(figure)?.value,
  },
  {
    header: 'Qualifier',
    tag: '#indicator+qualifier',
    reads: inFigure('/qualifier'),
    cell: ({ figure }) => countOf(figure)?.qualifier,
  },
  { header: 'Out of', tag: '#indicator+num+total', cell: ({ whole }) => whole?.value },
  { header: 'Out of qualifier', tag: '#indicator+qualifier+total', cell: ({ whole }) => whole?.qualifier },
  { header: 'Out of indicator', tag: '#indicator+code+total', cell: ({ whole }) => whole?.indicator },
  {
    header: 'State',
    tag: '#indicator+state',
    reads: inFigure('/state'),
    cell: ({ figure }) => utilityOf(figure)?.state,
  },
  {
    header: 'Since',
    tag: '#date+start',
    reads: inFigure('/since/date'),
    cell: ({ figure }) => sinceOf(figure)?.date,
  },
  {
    header: 'Since qualifier',
    tag: '#date+start+qualifier',
    reads: inFigure('/since/qualifier'),
    cell: ({ figure }) => sinceOf(figure)?.qualifier,
  },
];

/** What a count says beyond its number, in columns added after the others. */
const countColumns: Column<FigureCells>[] = [
  {
    header: 'High',
    tag: '#indicator+num+high',
    reads: inFigure('/high'),
    cell: ({ figure }) => countOf(figure)?.high,
  },
  {
    header: 'Basis',
    tag: '#indicator+basis',
    reads: inFigure('/basis'),
    cell: ({ figure }) => {
      const count = countOf(figure);
      return count && basisOf(count);
    },
  },
];

function countOf(figure: FigureSummary | undefined): CountSummary | undefined {
  return figure && 'value' in figure ? figure : undefined;
}

function utilityOf(figure: FigureSummary | undefined) {
  return figure && 'state' in figure ? figure : undefined;
}

/** Since when a utility's state holds, or since when a running total counts. */
function sinceOf(figure: FigureSummary | undefined) {
  return figure && 'since' in figure ? figure.since : undefined;
}

/** The whole a figure is stated as part of, found among `figures` through the registry. */
function wholeOf(
  figure: FigureSummary | undefined,
  figures: (id: IndicatorId) => FigureSummary | undefined,
): CountSummary | undefined {
  const outOf = figure && findIndicator(figure.indicator)?.outOf;
  return outOf ? countOf(figures(outOf as IndicatorId)) : undefined;
}

const adminLevels = [1, 2, 3, 4] as const;

const placeColumns: Column<PlaceSummary>[] = [
  { header: 'Place', tag: '#loc+name', cell: (p) => p.names.en },
  { header: 'Place slug', tag: '#loc+code', cell: (p) => p.slug },
  { header: 'Country', tag: '#country+name', cell: (p) => p.country.name },
  { header: 'Country code', tag: '#country+code+v_iso2', cell: (p) => p.country.code },
  ...adminLevels.flatMap((level): Column<PlaceSummary>[] => [
    {
      header: `Admin ${level}`,
      tag: `#adm${level}+name`,
      cell: (p) => p.admin.find((a) => a.level === level)?.name,
    },
    {
      header: `Admin ${level} p-code`,
      tag: `#adm${level}+code`,
      cell: (p) => p.admin.find((a) => a.level === level)?.pcode,
    },
  ]),
  { header: 'Latitude', tag: '#geo+lat', cell: (p) => p.coordinates?.lat },
  { header: 'Longitude', tag: '#geo+lon', cell: (p) => p.coordinates?.lon },
];

const statusColumns: Column<IndicatorStatusSummary | undefined>[] = [
  { header: 'Observed', tag: '#date+observed', cell: (s) => s?.observed },
  { header: 'Reported', tag: '#date+reported', cell: (s) => s?.published },
  { header: 'Verification', tag: '#status+verification', cell: (s) => s?.verification },
  { header: 'Source', tag: '#meta+source', cell: (s) => s?.source.name },
  { header: 'Source role', tag: '#meta+source+role', cell: (s) => s?.source.role },
  { header: 'Source kind', tag: '#meta+source+type', cell: (s) => s?.source.kind },
  { header: 'Source URL', tag: '#meta+source+url', cell: (s) => s?.source.url },
  { header: 'Report', tag: '#meta+id', cell: (s) => s?.report },
  { header: 'Report URL', tag: '#meta+url', cell: (s, site) => s && reportJsonUrl(site.origin, s.report) },
  {
    header: 'Report page',
    tag: '#meta+url+page',
    cell: (s, site) => s && reportPageUrl(site.origin, s.report),
  },
  { header: 'Quote', tag: '#meta+quote', cell: (s) => s?.quote },
  { header: 'Stale after', tag: '#date+stale_after', cell: (s) => s?.staleAfter },
];

interface StatusRow extends FigureCells {
  indicator: IndicatorId;
  place: PlaceSummary;
  status: IndicatorStatusSummary | undefined;
}

/** Whether the place has a figure for the row's indicator, sources that disagree, a period count. */
const besideColumns: Column<StatusRow>[] = [
  {
    header: 'Coverage',
    tag: '#indicator+coverage',
    cell: ({ place, indicator }) => place.coverage[indicator],
  },
  {
    header: 'Sources low',
    tag: '#indicator+num+sources_low',
    cell: ({ status }) => status?.disagreement?.low,
  },
  {
    header: 'Sources high',
    tag: '#indicator+num+sources_high',
    cell: ({ status }) => status?.disagreement?.high,
  },
  {
    header: 'Source count',
    tag: '#meta+source_count',
    cell: ({ status }) => status?.disagreement?.sourceCount,
  },
  {
    header: 'Period value',
    tag: '#indicator+num+period',
    cell: ({ status }) => countOf(status?.period?.figure)?.value,
  },
  {
    header: 'Period high',
    tag: '#indicator+num+period+high',
    cell: ({ status }) => countOf(status?.period?.figure)?.high,
  },
  {
    header: 'Period qualifier',
    tag: '#indicator+qualifier+period',
    cell: ({ status }) => countOf(status?.period?.figure)?.qualifier,
  },
  { header: 'Period observed', tag: '#date+observed+period', cell: ({ status }) => status?.period?.observed },
  { header: 'Period report', tag: '#meta+id+period', cell: ({ status }) => status?.period?.report },
];

const statusTable: Column<StatusRow>[] = [
  ...over(placeColumns, (row: StatusRow) => row.place),
  ...over(figureColumns, (row: StatusRow) => row),
  ...over(statusColumns, (row: StatusRow) => row.status),
  ...over(countColumns, (row: StatusRow) => row),
  ...besideColumns,
];

/**
 * A row for every indicator of the registry, in its order: a figure's, or an empty one that
 * says the indicator was not reported, so that every place is listed with what is missing.
 */
function statusRows(place: PlaceSummary): StatusRow[] {
  const current = (id: IndicatorId) => place.indicators[id]?.figure;
  return indicatorRegistry.map(({ id }): StatusRow => {
    const status = place.indicators[id];
    const figure = status?.figure;
    return { place, status, indicator: id, figure, whole: wholeOf(figure, current) };
  });
}

/**
 * The Report column groups an import's rows: rows with the same value are one report. An
 * exported row names its report's id, which the import compares with the stored report.
 */
export const reportColumn: ReportField = { level: 'report', pointer: '' };

interface HistoryRow extends FigureCells {
  report: ReportSummary;
}

const historyColumns: Column<ReportSummary>[] = [
  { header: 'Observed', tag: '#date+observed', reads: inReport('/observed'), cell: (r) => r.observed },
  { header: 'Reported', tag: '#date+reported', cell: (r) => r.published },
  {
    header: 'Verification',
    tag: '#status+verification',
    reads: inReport('/verification'),
    cell: (r) => r.verification,
  },
  { header: 'Report state', tag: '#status+report', cell: (r) => r.state },
  { header: 'Source', tag: '#meta+source', reads: inReport('/source/name'), cell: (r) => r.source.name },
  {
    header: 'Source kind',
    tag: '#meta+source+type',
    reads: inReport('/source/kind'),
    cell: (r) => r.source.kind,
  },
  { header: 'Report', tag: '#meta+id', reads: reportColumn, cell: (r) => r.id },
  { header: 'Report URL', tag: '#meta+url', cell: (r, site) => reportJsonUrl(site.origin, r.id) },
  { header: 'Report page', tag: '#meta+url+page', cell: (r, site) => reportPageUrl(site.origin, r.id) },
  { header: 'Corrects', tag: '#meta+id+corrects', cell: (r) => r.corrects },
  { header: 'Superseded by', tag: '#meta+id+superseded_by', cell: (r) => r.supersededBy },
];

const historyTable: Column<HistoryRow>[] = [
  { header: 'Place slug', tag: '#loc+code', reads: inReport('/place'), cell: (row) => row.report.place },
  ...over(figureColumns, (row: HistoryRow) => row),
  ...over(historyColumns, (row: HistoryRow) => row.report),
  ...over(countColumns, (row: HistoryRow) => row),
];

/** One row per figure; a whole is taken from the same report, as its source stated it. */
function historyRows(report: ReportSummary): HistoryRow[] {
  const inReport = (id: IndicatorId) => report.figures.find((f) => f.indicator === id);
  return report.figures.map((figure) => ({
    report,
    indicator: figure.indicator,
    figure,
    whole: wholeOf(figure, inReport),
  }));
}

/** Which rows a table opens with: the header, and the HXL hashtags unless left out. */
export interface TableForm {
  hxl: boolean;
}

function renderTable<Row>(
  columns: readonly Column<Row>[],
  rows: readonly Row[],
  site: ExportSite,
  form: TableForm,
): string {
  return renderCsv([...tableHead(columns, form), ...tableBody(columns, rows, site)]);
}

function tableHead(columns: readonly TableColumn[], { hxl }: TableForm): string[][] {
  return [columns.map((c) => c.header), ...(hxl ? [columns.map((c) => c.tag)] : [])];
}

function tableBody<Row>(columns: readonly Column<Row>[], rows: readonly Row[], site: ExportSite) {
  return rows.map((row) => columns.map((c) => c.cell(row, site)));
}

// -- the wide table: one row per place ---------------------------------------------------
//
// Dashboards chart a column per quantity, so the wide table gives each indicator columns of
// its own, tagged with the HXL dictionary's hashtag for the quantity where there is one:
// "#population+total" (people living there now: residents remaining), "#affected+killed"
// and "#affected+injured" (civilians killed and injured), "#status" with an attribute for a
// utility's state. The population before the crisis is "#population+baseline", not
// "+total": HXL tools match a tag pattern against every column that has at least its
// attributes, and "#population+total+baseline" would be summed with the residents. For the
// same reason the columns about a figure (its qualifier, verification, source, report) are
// "#meta" and its dates "#date", each with the indicator's attribute, never the value's
// hashtag with one more attribute. A new indicator needs its entry here: the type says so.
// What was added to a status later (an indicator's coverage; a count's range high, basis,
// since, sources that disagree and period count beside a total) follows each indicator's
// first columns, under "#meta" or "#date" with the same attribute.

/** The hashtag of each indicator's value in the wide table, and its attribute on the rest. */
const wideHashtags: Record<Exclude<IndicatorId, 'situation'>, { value: string; attribute: string }> = {
  electricity: { value: '#status+electricity', attribute: 'electricity' },
  gas: { value: '#status+gas', attribute: 'gas' },
  running_water: { value: '#status+water', attribute: 'water' },
  population_baseline: { value: '#population+baseline', attribute: 'baseline' },
  population_remaining: { value: '#population+total', attribute: 'remaining' },
  civilian_deaths: { value: '#affected+killed', attribute: 'killed' },
  civilian_injuries: { value: '#affected+injured', attribute: 'injured' },
};

/** The columns of one indicator in the wide table; a situation's text is not in a listing. */
function wideColumns(id: IndicatorId, kind: 'utility' | 'count' | 'text'): Column<PlaceSummary>[] {
  if (kind === 'text' || id === 'situation') return [];
  const { value, attribute } = wideHashtags[id];
  const label = findIndicator(id)?.label.en ?? id;
  const name = label.charAt(0).toUpperCase() + label.slice(1);
  const status = (p: PlaceSummary) => p.indicators[id];
  const count = (p: PlaceSummary) => countOf(status(p)?.figure);
  const since: Column<PlaceSummary>[] = [
    {
      header: `${name} since`,
      tag: `#date+start+${attribute}`,
      cell: (p) => sinceOf(status(p)?.figure)?.date,
    },
    {
      header: `${name} since qualifier`,
      tag: `#meta+qualifier+start+${attribute}`,
      cell: (p) => sinceOf(status(p)?.figure)?.qualifier,
    },
  ];
  const figureColumns: Column<PlaceSummary>[] =
    kind === 'count'
      ? [
          { header: name, tag: value, cell: (p) => count(p)?.value },
          {
            header: `${name} qualifier`,
            tag: `#meta+qualifier+${attribute}`,
            cell: (p) => count(p)?.qualifier,
          },
        ]
      : [{ header: name, tag: value, cell: (p) => utilityOf(status(p)?.figure)?.state }, ...since];
  const provenance: Column<PlaceSummary>[] = [
    { header: `${name} observed`, tag: `#date+observed+${attribute}`, cell: (p) => status(p)?.observed },
    {
      header: `${name} stale after`,
      tag: `#date+stale_after+${attribute}`,
      cell: (p) => status(p)?.staleAfter,
    },
    {
      header: `${name} verification`,
      tag: `#meta+verification+${attribute}`,
      cell: (p) => status(p)?.verification,
    },
    { header: `${name} source`, tag: `#meta+source+${attribute}`, cell: (p) => status(p)?.source.name },
    { header: `${name} report`, tag: `#meta+id+${attribute}`, cell: (p) => status(p)?.report },
  ];
  const coverage: Column<PlaceSummary> = {
    header: `${name} coverage`,
    tag: `#meta+coverage+${attribute}`,
    cell: (p) => p.coverage[id],
  };
  if (kind !== 'count') return [...figureColumns, ...provenance, coverage];
  const period = (p: PlaceSummary) => status(p)?.period;
  const disagreement = (p: PlaceSummary) => status(p)?.disagreement;
  // Columns a count for a period fills, only for an indicator that allows one.
  const periodColumns: Column<PlaceSummary>[] = basesOf(id)?.allowed.includes('period')
    ? [
        {
          header: `${name} period`,
          tag: `#meta+period+${attribute}`,
          cell: (p) => countOf(period(p)?.figure)?.value,
        },
        {
          header: `${name} period high`,
          tag: `#meta+high+period+${attribute}`,
          cell: (p) => countOf(period(p)?.figure)?.high,
        },
        {
          header: `${name} period qualifier`,
          tag: `#meta+qualifier+period+${attribute}`,
          cell: (p) => countOf(period(p)?.figure)?.qualifier,
        },
        {
          header: `${name} period observed`,
          tag: `#date+observed+period+${attribute}`,
          cell: (p) => period(p)?.observed,
        },
        {
          header: `${name} period report`,
          tag: `#meta+id+period+${attribute}`,
          cell: (p) => period(p)?.report,
        },
      ]
    : [];
  return [
    ...figureColumns,
    ...provenance,
    { header: `${name} high`, tag: `#meta+high+${attribute}`, cell: (p) => count(p)?.high },
    {
      header: `${name} basis`,
      tag: `#meta+basis+${attribute}`,
      cell: (p) => {
        const figure = count(p);
        return figure && basisOf(figure);
      },
    },
    ...since,
    coverage,
    {
      header: `${name} sources low`,
      tag: `#meta+sources_low+${attribute}`,
      cell: (p) => disagreement(p)?.low,
    },
    {
      header: `${name} sources high`,
      tag: `#meta+sources_high+${attribute}`,
      cell: (p) => disagreement(p)?.high,
    },
    {
      header: `${name} source count`,
      tag: `#meta+source_count+${attribute}`,
      cell: (p) => disagreement(p)?.sourceCount,
    },
    ...periodColumns,
  ];
}

const wideTable: Column<PlaceSummary>[] = [
  ...placeColumns,
  ...indicatorRegistry.flatMap(({ id, kind }) => wideColumns(id, kind)),
];

/** The current status, wide: one row per place, places in the order given. */
export function renderPlacesCsv(
  places: readonly PlaceSummary[],
  site: ExportSite,
  form: TableForm = { hxl: true },
): string {
  return renderTable(wideTable, places, site, form);
}

// -- time series: one row per point --------------------------------------------------------
//
// The observed period is given whole beside the partial date, so that a chart's time axis
// needs no parsing: "#date+observed" as the source gave it, and the first and last day of
// its period with the attributes "+period_start" and "+period_end" (a tool asking for
// "#date+observed" takes the first such column, the partial date itself).

type SeriesRow = SeriesPoint & { indicator: IndicatorId };

const seriesTable: Column<SeriesRow>[] = [
  { header: 'Place slug', tag: '#loc+code', cell: (p) => p.place },
  { header: 'Indicator', tag: '#indicator+code', cell: (p) => p.indicator },
  { header: 'Observed', tag: '#date+observed', cell: (p) => p.observed },
  { header: 'Observed start', tag: '#date+observed+period_start', cell: (p) => p.observedStart },
  { header: 'Observed end', tag: '#date+observed+period_end', cell: (p) => p.observedEnd },
  { header: 'Observed precision', tag: '#meta+precision', cell: (p) => p.precision },
  { header: 'Value', tag: '#indicator+num', cell: (p) => p.value },
  { header: 'Qualifier', tag: '#indicator+qualifier', cell: (p) => p.qualifier },
  { header: 'State', tag: '#indicator+state', cell: (p) => p.state },
  { header: 'Since', tag: '#date+start', cell: (p) => p.since?.date },
  { header: 'Since qualifier', tag: '#date+start+qualifier', cell: (p) => p.since?.qualifier },
  { header: 'Verification', tag: '#status+verification', cell: (p) => p.verification },
  { header: 'Report state', tag: '#status+report', cell: (p) => p.reportState },
  { header: 'Source', tag: '#meta+source', cell: (p) => p.source.name },
  { header: 'Source kind', tag: '#meta+source+type', cell: (p) => p.source.kind },
  { header: 'Reported', tag: '#date+reported', cell: (p) => p.published },
  { header: 'Report', tag: '#meta+id', cell: (p) => p.report },
  { header: 'Report URL', tag: '#meta+url', cell: (p, site) => reportJsonUrl(site.origin, p.report) },
  { header: 'Report page', tag: '#meta+url+page', cell: (p, site) => reportPageUrl(site.origin, p.report) },
  { header: 'High', tag: '#indicator+num+high', cell: (p) => p.high },
  { header: 'Basis', tag: '#indicator+basis', cell: (p) => p.basis },
];

/** One indicator over time: a row per point, in the order given (oldest observation first). */
export function renderSeriesCsv(
  indicator: IndicatorId,
  points: readonly SeriesPoint[],
  site: ExportSite,
  form: TableForm = { hxl: true },
): string {
  const rows = points.map((point) => ({ ...point, indicator }));
  return renderTable(seriesTable, rows, site, form);
}

/** The current status: one row per place and indicator, places in the order given. */
export function renderStatusCsv(
  places: readonly PlaceSummary[],
  site: ExportSite,
  form: TableForm = { hxl: true },
): string {
  return renderTable(statusTable, places.flatMap(statusRows), site, form);
}

/** History: one row per report and figure, reports in the order given (newest first). */
export function renderHistoryCsv(
  reports: readonly ReportSummary[],
  site: ExportSite,
  form: TableForm = { hxl: true },
): string {
  return renderTable(historyTable, reports.flatMap(historyRows), site, form);
}

/**
 * The same file as renderHistoryCsv, written a page of reports at a time as the pages
 * arrive: the head first, then each page's rows, so that only one page is held at once.
 */
export async function* streamHistoryCsv(
  pages: AsyncIterable<readonly ReportSummary[]>,
  site: ExportSite,
  form: TableForm,
): AsyncGenerator<string> {
  yield renderCsv(tableHead(historyTable, form));
  for await (const reports of pages) {
    yield renderCsv(tableBody(historyTable, reports.flatMap(historyRows), site));
  }
}

/**
 * What an import reads beyond the history's columns: what the history index does not hold
 * (the summary, the source's language, role and address, a figure's quote and note, a
 * situation's text), which a new report needs. Tags follow the exports' choices above:
 * "#description" is HXL's hashtag for text describing a thing, "#language+code" a
 * language's code, with an attribute saying whose.
 */
const importOnlyColumns: TableColumn[] = [
  { header: 'Source role', tag: '#meta+source+role', reads: inReport('/source/role') },
  { header: 'Source URL', tag: '#meta+source+url', reads: inReport('/source/url') },
  { header: 'Source language', tag: '#language+code+source', reads: inReport('/source/language') },
  { header: 'Summary', tag: '#description+summary', reads: inReport('/summary/text') },
  { header: 'Summary language', tag: '#language+code+summary', reads: inReport('/summary/language') },
  { header: 'Quote', tag: '#meta+quote', reads: inFigure('/quote') },
  { header: 'Note', tag: '#description+note', reads: inFigure('/note') },
  { header: 'Text', tag: '#description+situation', reads: inFigure('/text') },
  { header: 'Text language', tag: '#language+code+situation', reads: inFigure('/language') },
];

/**
 * Every column an import knows: the history's, the import's own, and the status table's,
 * so that any exported file reads back. Where the status table names a column as the
 * history or the import does, the first is kept.
 */
export const importColumns: readonly TableColumn[] = [
  ...[...historyTable, ...importOnlyColumns, ...statusTable]
    .reduce((known, { header, tag, reads }) => {
      if (!known.has(header)) known.set(header, reads ? { header, tag, reads } : { header, tag });
      return known;
    }, new Map<string, TableColumn>())
    .values(),
];
