"use client";
/**
 * B12 per plan day: intake stacked by meal with supplements as their own series, beside
 * the estimated absorbed amount, against both targets. Loaded lazily (see lazy-charts.tsx)
 * so Recharts stays out of the page's initial JS. Every number comes from the server; this
 * only draws it. Meals differ by colour and by pattern; days below the target carry "▼" and
 * incomplete days "*" as text above the bar; "Show as table" gives the same numbers as a table.
 */
import { useId, useState } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  type LabelProps,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  type XAxisTickContentProps,
  YAxis,
} from "recharts";
import { type B12Status, STATUS_SHORT } from "@/app/_lib/status";
import {
  type ChartMeal,
  type DrawnBar,
  dayBarMarker,
  dayChartAxisMax,
  describeDayChart,
  drawnBar,
  formatMicrogramsForChart,
  MEAL_LABELS,
  MEAL_ORDER_FOR_CHARTS,
  type TotalsForCharts,
  toDayBars,
} from "./chart-data";

/** Fills with at least 5:1 contrast against white, each meal also with its own pattern. */
const MEAL_STYLE: Record<ChartMeal, { color: string; pattern: "solid" | "stripes" | "dots" }> = {
  breakfast: { color: "#b45309", pattern: "solid" },
  lunch: { color: "#0f766e", pattern: "stripes" },
  dinner: { color: "#1e3a8a", pattern: "solid" },
  snack: { color: "#a3336b", pattern: "dots" },
};
const TEXT = "#1c2321";
const MUTED = "#4f5b57";
const TARGET_COLOR = "#7a3b00";

const SUPPLEMENT_COLOR = "#5b21b6";
const ABSORBED_COLOR = "#166534";
const ABSORBED_TARGET_COLOR = "#14532d";

type ChartRow = DrawnBar & { marker: string; markerBase: 0 };

const noShape = () => null;

function MealPattern({ id, meal }: { id: string; meal: ChartMeal }) {
  const { color, pattern } = MEAL_STYLE[meal];
  return (
    <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse">
      <rect width="6" height="6" fill={color} />
      {pattern === "stripes" && (
        <path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke="#ffffff" strokeWidth="1.2" />
      )}
      {pattern === "dots" && <circle cx="3" cy="3" r="1.1" fill="#ffffff" />}
    </pattern>
  );
}

/** X-axis tick: "Mon" over "7 Dec" for dated days (fits a phone), "Day 3" otherwise. */
function DayTick({ x, y, payload }: XAxisTickContentProps) {
  const label = String(payload.value);
  const dated = !/^Day \d+$/.test(label);
  const space = label.indexOf(" ");
  const lines = dated && space > 0 ? [label.slice(0, space), label.slice(space + 1)] : [label];
  return (
    <g transform={`translate(${x},${y})`}>
      <text textAnchor="middle" fill={MUTED} fontSize={11}>
        {lines.map((line, index) => (
          <tspan key={line} x={0} dy={index === 0 ? 11 : 13}>
            {line}
          </tspan>
        ))}
      </text>
    </g>
  );
}

/** The target line's label, on a white backing so it stays readable over the bars. */
function TargetLabel({ viewBox, value }: LabelProps) {
  if (!viewBox || !("width" in viewBox)) return null;
  const text = String(value ?? "");
  const width = text.length * 6.6 + 8;
  const right = viewBox.x + viewBox.width;
  return (
    <g>
      <rect
        x={right - width}
        y={viewBox.y - 18}
        width={width}
        height={16}
        rx={3}
        fill="#ffffff"
        fillOpacity={0.9}
      />
      <text x={right - 4} y={viewBox.y - 6} textAnchor="end" fill={TARGET_COLOR} fontSize={12}>
        {text}
      </text>
    </g>
  );
}

/** The absorbed target's label, at the left end of its line. */
function AbsorbedTargetLabel({ viewBox, value }: LabelProps) {
  if (!viewBox || !("width" in viewBox)) return null;
  const text = String(value ?? "");
  const width = text.length * 6.6 + 8;
  return (
    <g>
      <rect
        x={viewBox.x + 2}
        y={viewBox.y + 2}
        width={width}
        height={16}
        rx={3}
        fill="#ffffff"
        fillOpacity={0.9}
      />
      <text x={viewBox.x + 6} y={viewBox.y + 14} fill={ABSORBED_TARGET_COLOR} fontSize={12}>
        {text}
      </text>
    </g>
  );
}

function DayTooltip({ active, payload }: TooltipContentProps) {
  const row = payload[0]?.payload as ChartRow | undefined;
  if (!active || !row) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip-title">{row.label}</p>
      <ul>
        {MEAL_ORDER_FOR_CHARTS.map((meal) => (
          <li key={meal}>
            {MEAL_LABELS[meal]}: {formatMicrogramsForChart(row[meal])} µg
          </li>
        ))}
        {row.supplements > 0 && (
          <li>Supplements: {formatMicrogramsForChart(row.supplements)} µg</li>
        )}
      </ul>
      <p>
        <strong>
          Intake: {formatMicrogramsForChart(row.total)} µg{row.complete ? "" : " or more *"}
        </strong>
      </p>
      <p>
        Estimated absorbed: {formatMicrogramsForChart(row.absorbed)} µg
        {row.absorbedSupplements > 0 &&
          ` (${formatMicrogramsForChart(row.absorbedSupplements)} µg from supplements)`}
      </p>
      <p>{STATUS_SHORT[row.status]}</p>
    </div>
  );
}

function statusCell(status: B12Status, complete: boolean): string {
  return status === "short" && !complete
    ? `${STATUS_SHORT.short} (lower bound)`
    : STATUS_SHORT[status];
}

function Swatch({ fill, stroke }: { fill: string; stroke: string }) {
  return (
    <svg className="chart-swatch" aria-hidden="true" focusable="false" viewBox="0 0 14 14">
      <rect width="14" height="14" fill={fill} stroke={stroke} />
    </svg>
  );
}

function LineSwatch({ color, dash }: { color: string; dash: string }) {
  return (
    <svg className="chart-swatch" aria-hidden="true" focusable="false" viewBox="0 0 14 14">
      <line x1="0" y1="7" x2="14" y2="7" stroke={color} strokeWidth="2" strokeDasharray={dash} />
    </svg>
  );
}

export default function DayChart({ totals }: { totals: TotalsForCharts }) {
  const [showTable, setShowTable] = useState(false);
  const reactId = useId();
  const baseId = `daychart-${reactId.replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const patternId = (meal: ChartMeal) => `${baseId}-${meal}`;
  const supplementPatternId = `${baseId}-supplements`;
  const absorbedSupplementPatternId = `${baseId}-absorbed-supplements`;
  const bodyId = `${baseId}-body`;

  const bars = toDayBars(totals);
  const axisMax = dayChartAxisMax(totals);
  const rows: ChartRow[] = bars.map((bar) => {
    const drawn = drawnBar(bar, axisMax);
    return {
      ...drawn,
      marker: [drawn.intakeClipped, dayBarMarker(bar)].filter(Boolean).join(" "),
      markerBase: 0,
    };
  });
  const target = totals.targetMicrograms;
  const targetText = target === null ? null : `Target ${formatMicrogramsForChart(target)} µg`;
  const absorbedTarget = totals.absorbedTargetMicrograms;
  const absorbedTargetText =
    absorbedTarget === null
      ? null
      : `Absorbed target ${formatMicrogramsForChart(absorbedTarget)} µg`;
  const anyShortfall = bars.some((bar) => bar.shortfall);
  const anyIncomplete = bars.some((bar) => !bar.complete);
  const anySupplements = bars.some((bar) => bar.supplements > 0);
  const anyClipped = rows.some((row) => row.intakeClipped || row.absorbedClipped);
  const summary = describeDayChart(totals);
  const average = formatMicrogramsForChart(totals.averageAbsorbedB12Micrograms);

  return (
    <figure className="card chart-card">
      <figcaption className="chart-title">
        B12 per day: intake and estimated absorbed (µg)
      </figcaption>
      <button
        type="button"
        className="secondary chart-toggle"
        aria-pressed={showTable}
        aria-controls={bodyId}
        onClick={() => setShowTable((value) => !value)}
      >
        Show as table
      </button>
      <p className="chart-status">
        Average estimated absorbed: <strong>{average} µg a day</strong>
        {absorbedTarget !== null &&
          ` (absorbed target ${formatMicrogramsForChart(absorbedTarget)} µg): the plan ${totals.status === "meets" ? "gives enough" : "is short"}`}
      </p>
      <div id={bodyId} className="chart-body">
        {showTable ? (
          <section
            className="chart-table-wrap"
            aria-label="B12 per day (table)"
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a table that may scroll sideways must be reachable by keyboard
            tabIndex={0}
          >
            <table>
              <caption className="chart-table-caption">
                B12 per day in µg{target === null ? "" : `; ${targetText} a day`}
                {absorbedTargetText === null ? "" : `; ${absorbedTargetText.toLowerCase()}`}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  {MEAL_ORDER_FOR_CHARTS.map((meal) => (
                    <th key={meal} scope="col" className="num">
                      {MEAL_LABELS[meal]}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    Supplements
                  </th>
                  <th scope="col" className="num">
                    Intake
                  </th>
                  <th scope="col" className="num">
                    Absorbed (est.)
                  </th>
                  <th scope="col">Enough B12?</th>
                </tr>
              </thead>
              <tbody>
                {bars.map((bar) => (
                  <tr key={bar.day}>
                    <th scope="row">
                      {bar.label}
                      {bar.complete ? "" : " *"}
                    </th>
                    {MEAL_ORDER_FOR_CHARTS.map((meal) => (
                      <td key={meal} className="num">
                        {formatMicrogramsForChart(bar[meal])}
                      </td>
                    ))}
                    <td className="num">{formatMicrogramsForChart(bar.supplements)}</td>
                    <td className="num">
                      <strong>{formatMicrogramsForChart(bar.total)}</strong>
                    </td>
                    <td className="num">{formatMicrogramsForChart(bar.absorbed)}</td>
                    <td>{statusCell(bar.status, bar.complete)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {anyIncomplete && (
              <p className="small muted chart-note">
                * some foods have no B12 data; the total is a lower bound.
              </p>
            )}
          </section>
        ) : (
          <>
            <svg className="chart-defs" aria-hidden="true" focusable="false" width="0" height="0">
              <defs>
                {MEAL_ORDER_FOR_CHARTS.map((meal) => (
                  <MealPattern key={meal} id={patternId(meal)} meal={meal} />
                ))}
                <pattern
                  id={supplementPatternId}
                  width="6"
                  height="6"
                  patternUnits="userSpaceOnUse"
                >
                  <rect width="6" height="6" fill={SUPPLEMENT_COLOR} />
                  <path d="M0,3 h6 M3,0 v6" stroke="#ffffff" strokeWidth="1" />
                </pattern>
                <pattern
                  id={absorbedSupplementPatternId}
                  width="6"
                  height="6"
                  patternUnits="userSpaceOnUse"
                >
                  <rect width="6" height="6" fill={ABSORBED_COLOR} />
                  <path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke="#ffffff" strokeWidth="1.2" />
                </pattern>
              </defs>
            </svg>
            <div className="chart-frame" role="img" aria-label={summary}>
              <ResponsiveContainer width="100%" height="100%">
                <BarChart
                  data={rows}
                  margin={{ top: 24, right: 4, bottom: 4, left: 0 }}
                  barCategoryGap="14%"
                  barGap={1}
                  accessibilityLayer={false}
                >
                  <CartesianGrid vertical={false} stroke="#d5dbd7" />
                  <XAxis
                    dataKey="label"
                    tick={DayTick}
                    height={40}
                    interval={rows.length <= 10 ? 0 : "preserveStartEnd"}
                    tickLine={false}
                    stroke={MUTED}
                  />
                  <YAxis
                    width={34}
                    domain={[0, axisMax]}
                    tickFormatter={(value: number) => formatMicrogramsForChart(value)}
                    tick={{ fill: MUTED, fontSize: 11 }}
                    stroke={MUTED}
                    allowDecimals
                  />
                  <Tooltip content={DayTooltip} cursor={{ fill: "#e1efed" }} />
                  {MEAL_ORDER_FOR_CHARTS.map((meal) => (
                    <Bar
                      key={meal}
                      dataKey={meal}
                      name={MEAL_LABELS[meal]}
                      stackId="intake"
                      fill={`url(#${patternId(meal)})`}
                      stroke="#ffffff"
                      strokeWidth={1}
                      isAnimationActive={false}
                    />
                  ))}
                  <Bar
                    dataKey="supplementsDrawn"
                    name="Supplements"
                    stackId="intake"
                    fill={`url(#${supplementPatternId})`}
                    stroke="#ffffff"
                    strokeWidth={1}
                    isAnimationActive={false}
                  />
                  {/* An empty bar on top of each stack that carries the text markers: Recharts
                      drops zero-height bars (and their labels) unless the bar has a custom shape. */}
                  <Bar
                    dataKey="markerBase"
                    stackId="intake"
                    shape={noShape}
                    tooltipType="none"
                    legendType="none"
                    isAnimationActive={false}
                  >
                    <LabelList
                      dataKey="marker"
                      position="top"
                      fill={TEXT}
                      fontSize={12}
                      fontWeight={700}
                    />
                  </Bar>
                  <Bar
                    dataKey="absorbedFood"
                    name="Absorbed from food"
                    stackId="absorbed"
                    fill={ABSORBED_COLOR}
                    stroke="#ffffff"
                    strokeWidth={1}
                    isAnimationActive={false}
                  />
                  <Bar
                    dataKey="absorbedSupplementsDrawn"
                    name="Absorbed from supplements"
                    stackId="absorbed"
                    fill={`url(#${absorbedSupplementPatternId})`}
                    stroke="#ffffff"
                    strokeWidth={1}
                    isAnimationActive={false}
                  />
                  <Bar
                    dataKey="markerBase"
                    stackId="absorbed"
                    shape={noShape}
                    tooltipType="none"
                    legendType="none"
                    isAnimationActive={false}
                  >
                    <LabelList
                      dataKey="absorbedClipped"
                      position="top"
                      fill={ABSORBED_TARGET_COLOR}
                      fontSize={11}
                      fontWeight={700}
                    />
                  </Bar>
                  {target !== null && targetText !== null && (
                    <ReferenceLine
                      y={target}
                      stroke={TARGET_COLOR}
                      strokeWidth={2}
                      strokeDasharray="6 4"
                      label={{ value: targetText, content: TargetLabel }}
                    />
                  )}
                  {absorbedTarget !== null && absorbedTargetText !== null && (
                    <ReferenceLine
                      y={absorbedTarget}
                      stroke={ABSORBED_TARGET_COLOR}
                      strokeWidth={2}
                      strokeDasharray="2 3"
                      label={{ value: absorbedTargetText, content: AbsorbedTargetLabel }}
                    />
                  )}
                </BarChart>
              </ResponsiveContainer>
            </div>
            <ul className="chart-key small">
              {MEAL_ORDER_FOR_CHARTS.map((meal) => (
                <li key={meal}>
                  <Swatch fill={`url(#${patternId(meal)})`} stroke={MEAL_STYLE[meal].color} />
                  {MEAL_LABELS[meal]}
                </li>
              ))}
              {anySupplements && (
                <li>
                  <Swatch fill={`url(#${supplementPatternId})`} stroke={SUPPLEMENT_COLOR} />
                  Supplements
                </li>
              )}
              <li>
                <Swatch fill={ABSORBED_COLOR} stroke={ABSORBED_COLOR} />
                Absorbed from food (right bar)
              </li>
              {anySupplements && (
                <li>
                  <Swatch fill={`url(#${absorbedSupplementPatternId})`} stroke={ABSORBED_COLOR} />
                  Absorbed from supplements
                </li>
              )}
              {targetText !== null && (
                <li>
                  <LineSwatch color={TARGET_COLOR} dash="4 2" />
                  {targetText}
                </li>
              )}
              {absorbedTargetText !== null && (
                <li>
                  <LineSwatch color={ABSORBED_TARGET_COLOR} dash="2 2" />
                  {absorbedTargetText}
                </li>
              )}
              {anyClipped && <li>↑ taller than the chart: the true value is shown</li>}
              {anyShortfall && <li>▼ intake below the target</li>}
              {anyIncomplete && <li>* some foods have no B12 data; the total is a lower bound</li>}
            </ul>
          </>
        )}
      </div>
    </figure>
  );
}
