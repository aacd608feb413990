// The remaining-population chart, drawn on the server as SVG: a titled image for the
// trend, a legend of the qualifier markers, and the same figures as a table, which is
// what assistive technology reads. Fewer than two figures get a sentence instead.

import type { Language } from '../../domain/languages.ts';
import type { CountFigure, ReportSummary } from '../../domain/model.ts';
import { formatCount, formatNumber, formatPartialDate } from '../../words/figures.ts';
import type { Messages } from '../../words/messages.ts';
import { chartGeometry, chartSize, type PopulationPoint, runningTotals } from './chart-data.ts';
import { VerificationBadge } from './figures.tsx';
import { QualifierMarker } from './icons.tsx';

interface ChartProps {
  /** The place's newest reports, as its document holds them. */
  history: readonly ReportSummary[];
  reportCount: number;
  baseline: CountFigure | undefined;
  placeName: string;
  m: Messages;
  language: Language;
}

const round = (n: number) => Math.round(n * 10) / 10;

function Legend({ points, m }: { points: readonly PopulationPoint[]; m: Messages }) {
  const qualifiers = [...new Set(points.map((p) => p.qualifier))];
  return (
    <ul class="legend" aria-label={m.chartLegend}>
      {qualifiers.map((qualifier) => (
        <li>
          <svg viewBox="0 0 14 14" width="14" height="14" aria-hidden="true" focusable="false">
            <QualifierMarker qualifier={qualifier} x={7} y={7} />
          </svg>
          {m.qualifierNames[qualifier]}
        </li>
      ))}
    </ul>
  );
}

function FigureTable({
  points,
  m,
  language,
}: {
  points: readonly PopulationPoint[];
  m: Messages;
  language: Language;
}) {
  return (
    <table>
      <caption>{m.chartTableCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{m.observed}</th>
          <th scope="col">{m.chartAxisValue}</th>
          <th scope="col">{m.verificationLabel}</th>
        </tr>
      </thead>
      <tbody>
        {points.map((p) => (
          <tr>
            <td>
              <time datetime={p.observed}>{formatPartialDate(p.observed, language)}</time>
            </td>
            <td>{formatCount(p.value, p.qualifier, language)}</td>
            <td>
              <VerificationBadge verification={p.verification} m={m} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The chart of running totals, and under it how many counts for a period only it leaves out. */
export function PopulationChart(props: ChartProps) {
  const { points, periodsLeftOut } = runningTotals(props.history, 'population_remaining');
  return (
    <>
      <Chart {...props} points={points} />
      {periodsLeftOut > 0 ? <p class="intro">{props.m.chartPeriodsLeftOut(periodsLeftOut)}</p> : ''}
    </>
  );
}

function Chart(props: ChartProps & { points: readonly PopulationPoint[] }) {
  const { points, history, reportCount, baseline, placeName, m, language } = props;
  const [only] = points;
  if (!only) return <p>{m.chartNone}</p>;
  if (points.length === 1) {
    return (
      <p>
        {m.chartOne(
          formatCount(only.value, only.qualifier, language),
          formatPartialDate(only.observed, language),
        )}
      </p>
    );
  }
  const g = chartGeometry(points, baseline?.value);
  const { plot } = g;
  const [firstTick, lastTick] = g.timeTicks;
  return (
    <div class="chart-block">
      <svg
        class="chart"
        role="img"
        aria-labelledby="chart-title chart-desc"
        viewBox={`0 0 ${chartSize.width} ${chartSize.height}`}
        width={chartSize.width}
        height={chartSize.height}
      >
        <title id="chart-title">{m.chartTitle(placeName)}</title>
        <desc id="chart-desc">
          {m.chartDescription(
            points.length,
            formatPartialDate(firstTick?.observed ?? only.observed, language),
            formatPartialDate(lastTick?.observed ?? firstTick?.observed ?? only.observed, language),
          )}
        </desc>
        {g.valueTicks.map((tick) => (
          <g>
            <line class="grid" x1={plot.left} x2={plot.right} y1={round(tick.y)} y2={round(tick.y)} />
            <text x={plot.left - 8} y={round(tick.y) + 5} text-anchor="end">
              {formatNumber(tick.value, language)}
            </text>
          </g>
        ))}
        <line class="axis" x1={plot.left} x2={plot.left} y1={plot.top} y2={plot.bottom} />
        <line class="axis" x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} />
        {g.timeTicks.map((tick, i) => (
          <text x={round(tick.x)} y={plot.bottom + 22} text-anchor={i === 0 ? 'start' : 'end'}>
            {formatPartialDate(tick.observed, language)}
          </text>
        ))}
        <text x={plot.left} y={14}>
          {m.chartAxisValue}
        </text>
        <text x={(plot.left + plot.right) / 2} y={chartSize.height - 6} text-anchor="middle">
          {m.chartAxisTime}
        </text>
        {g.baseline && baseline ? (
          <g>
            <line
              class="baseline"
              x1={plot.left}
              x2={plot.right}
              y1={round(g.baseline.y)}
              y2={round(g.baseline.y)}
            />
            <text x={plot.right} y={round(g.baseline.y) - 6} text-anchor="end">
              {m.chartBaseline(formatCount(baseline.value, baseline.qualifier, language))}
            </text>
          </g>
        ) : (
          ''
        )}
        <polyline
          class="trend"
          stroke-width="2"
          points={g.points.map((p) => `${round(p.x)},${round(p.y)}`).join(' ')}
        />
        {g.points.map(({ x, y, point }) => (
          <g>
            <title>
              {`${formatCount(point.value, point.qualifier, language)}, ${formatPartialDate(point.observed, language)}, ${m.verification[point.verification]}`}
            </title>
            <QualifierMarker qualifier={point.qualifier} x={round(x)} y={round(y)} />
          </g>
        ))}
      </svg>
      <Legend points={points} m={m} />
      <FigureTable points={points} m={m} language={language} />
      {reportCount > history.length ? <p class="intro">{m.chartWindow(history.length, reportCount)}</p> : ''}
    </div>
  );
}
