"use client";
/**
 * The plan charts, loaded on the client only when rendered: Recharts stays out of the
 * page's initial JS. The placeholder has the same minimum height as a chart card
 * (.chart-card and .chart-placeholder in globals.css), so the page does not jump.
 */
import dynamic from "next/dynamic";

function ChartPlaceholder() {
  return <div className="card chart-placeholder">Loading chart…</div>;
}

export const LazyDayChart = dynamic(() => import("./day-chart"), {
  ssr: false,
  loading: () => <ChartPlaceholder />,
});

export const LazyFoodShareChart = dynamic(() => import("./food-share-chart"), {
  ssr: false,
  loading: () => <ChartPlaceholder />,
});
