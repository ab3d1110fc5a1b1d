"use client";
/**
 * The plan charts, loaded on the client only when they come near the screen: Recharts
 * stays out of the page's initial JS, and drawing it does not compete with the page's
 * first paint and hydration. The placeholder has the same minimum height as a chart card
 * (.chart-card and .chart-placeholder in globals.css), so the page does not jump.
 */
import dynamic from "next/dynamic";
import { type ComponentProps, type ComponentType, memo, useEffect, useRef, useState } from "react";

function ChartPlaceholder() {
  return <div className="card chart-placeholder">Loading chart…</div>;
}

const DayChart = dynamic(() => import("./day-chart"), {
  ssr: false,
  loading: () => <ChartPlaceholder />,
});
const FoodShareChart = dynamic(() => import("./food-share-chart"), {
  ssr: false,
  loading: () => <ChartPlaceholder />,
});

/** Renders `Chart` once its placeholder is within 400 px of the viewport. */
function whenNearScreen<Props extends object>(Chart: ComponentType<Props>) {
  function NearScreen(props: Props) {
    const anchor = useRef<HTMLDivElement>(null);
    const [near, setNear] = useState(false);
    useEffect(() => {
      const element = anchor.current;
      if (near || !element) return;
      if (typeof IntersectionObserver === "undefined") {
        setNear(true);
        return;
      }
      const observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((entry) => entry.isIntersecting)) setNear(true);
        },
        { rootMargin: "400px 0px" },
      );
      observer.observe(element);
      return () => observer.disconnect();
    }, [near]);
    if (near) return <Chart {...props} />;
    return (
      <div ref={anchor}>
        <ChartPlaceholder />
      </div>
    );
  }
  // memo: with the editor's deferred totals, a chart re-renders only when its data changes,
  // so an edit's numbers are not held up by a chart redraw.
  return memo(NearScreen);
}

export const LazyDayChart = whenNearScreen<ComponentProps<typeof DayChart>>(DayChart);
export const LazyFoodShareChart =
  whenNearScreen<ComponentProps<typeof FoodShareChart>>(FoodShareChart);
