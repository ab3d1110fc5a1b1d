"use client";
/**
 * The plan charts, loaded on the client only when rendered: Recharts stays out of the
 * page's initial JS. The placeholder has the same minimum height as a chart card
 * (.chart-card and .chart-placeholder in globals.css), so the page does not jump.
 */
import dynamic from "next/dynamic";
import { memo } from "react";

function ChartPlaceholder() {
  return <div className="card chart-placeholder">Loading chart…</div>;
}

// memo: with the editor's deferred totals, a chart re-renders only when its data changes,
// so an edit's numbers are not held up by a chart redraw.
export const LazyDayChart = memo(
  dynamic(() => import("./day-chart"), { ssr: false, loading: () => <ChartPlaceholder /> }),
);

export const LazyFoodShareChart = memo(
  dynamic(() => import("./food-share-chart"), {
    ssr: false,
    loading: () => <ChartPlaceholder />,
  }),
);
