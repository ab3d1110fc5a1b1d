"use client";
/**
 * Where one day's B12 comes from, by food: a horizontal bar chart (easier to read on a
 * phone than a pie), largest first, each bar labelled with its percentage. Loaded lazily
 * (see lazy-charts.tsx). "Show as table" lists every food with its µg and share.
 */
import { useId, useState } from "react";
import {
  Bar,
  BarChart,
  LabelList,
  type RenderableText,
  ResponsiveContainer,
  Text,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
  type YAxisTickContentProps,
} from "recharts";
import {
  type ChartDay,
  describeFoodShare,
  type FoodSlice,
  formatMicrogramsForChart,
  formatShareForChart,
  toFoodSlices,
} from "./chart-data";

const BAR_COLOR = "#0d5c58";
const TEXT = "#1c2321";
const Y_AXIS_WIDTH = 132;

/** Food names can be long (USDA): wrap to two lines and end with "…"; the tooltip and table have them whole. */
function FoodTick({ x, y, payload }: YAxisTickContentProps) {
  return (
    <Text
      x={x}
      y={y}
      dx={-6}
      width={Y_AXIS_WIDTH - 28}
      maxLines={2}
      textAnchor="end"
      verticalAnchor="middle"
      fontSize={12}
      fill={TEXT}
    >
      {String(payload.value)}
    </Text>
  );
}

function FoodTooltip({ active, payload }: TooltipContentProps) {
  const slice = payload[0]?.payload as FoodSlice | undefined;
  if (!active || !slice) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip-title">{slice.name}</p>
      <p>
        {formatMicrogramsForChart(slice.b12Micrograms)} µg ({formatShareForChart(slice.share)} of
        the day)
      </p>
    </div>
  );
}

function shareLabel(value: RenderableText): RenderableText {
  return typeof value === "number" ? formatShareForChart(value) : "";
}

export default function FoodShareChart({ day, label }: { day: ChartDay; label: string }) {
  const [showTable, setShowTable] = useState(false);
  const bodyId = `foodshare-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}-body`;
  const slices = toFoodSlices(day);
  // The table lists every food (none merged into "Other foods"), largest first as the server sends them.
  const tableFoods = day.foods.filter((food) => food.b12Micrograms > 0);
  const summary = describeFoodShare(day, label, slices);
  const unknownNote =
    day.unknownEntries > 0
      ? `${day.unknownEntries} ${day.unknownEntries === 1 ? "item has" : "items have"} no B12 data and ${day.unknownEntries === 1 ? "is" : "are"} not counted.`
      : null;

  return (
    <figure className="card chart-card">
      <figcaption className="chart-title">Where the B12 comes from: {label}</figcaption>
      {slices.length > 0 && (
        <button
          type="button"
          className="secondary chart-toggle"
          aria-pressed={showTable}
          aria-controls={bodyId}
          onClick={() => setShowTable((value) => !value)}
        >
          Show as table
        </button>
      )}
      <div id={bodyId} className="chart-body">
        {slices.length === 0 ? (
          <p className="chart-frame chart-empty muted">No B12 from food on this day yet.</p>
        ) : showTable ? (
          <section
            className="chart-table-wrap"
            aria-label="B12 by food (table)"
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a table that may scroll sideways must be reachable by keyboard
            tabIndex={0}
          >
            <table>
              <caption className="chart-table-caption">B12 by food on {label}</caption>
              <thead>
                <tr>
                  <th scope="col">Food</th>
                  <th scope="col" className="num">
                    µg
                  </th>
                  <th scope="col" className="num">
                    Share
                  </th>
                </tr>
              </thead>
              <tbody>
                {tableFoods.map((food) => (
                  <tr key={food.foodId}>
                    <th scope="row">{food.foodName}</th>
                    <td className="num">{formatMicrogramsForChart(food.b12Micrograms)}</td>
                    <td className="num">{formatShareForChart(food.share)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : (
          <div className="chart-frame" role="img" aria-label={summary}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart
                data={slices}
                layout="vertical"
                margin={{ top: 8, right: 48, bottom: 8, left: 8 }}
                accessibilityLayer={false}
              >
                <XAxis type="number" dataKey="b12Micrograms" domain={[0, "dataMax"]} hide />
                <YAxis
                  type="category"
                  dataKey="name"
                  width={Y_AXIS_WIDTH}
                  tick={FoodTick}
                  interval={0}
                  tickLine={false}
                  axisLine={false}
                />
                <Tooltip content={FoodTooltip} cursor={{ fill: "#e1efed" }} />
                <Bar
                  dataKey="b12Micrograms"
                  name="B12"
                  fill={BAR_COLOR}
                  barSize={20}
                  radius={[0, 3, 3, 0]}
                  isAnimationActive={false}
                >
                  <LabelList
                    dataKey="share"
                    position="right"
                    formatter={shareLabel}
                    fill={TEXT}
                    fontSize={12}
                    fontWeight={600}
                  />
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </div>
        )}
        {unknownNote && <p className="small muted chart-note">{unknownNote}</p>}
      </div>
    </figure>
  );
}
