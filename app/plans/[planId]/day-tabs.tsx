"use client";
/** The plan's days as tabs: each with its B12 and its one status (from the server). */
import { formatMicrograms } from "@/app/_lib/format";
import { STATUS_SHORT, statusClass } from "@/app/_lib/status";
import type { DayTotals } from "./use-plan-editor";

export function DayTabs(props: {
  idPrefix: string;
  days: DayTotals[];
  selectedDay: number;
  labelOf: (day: number) => string;
  onSelect: (day: number) => void;
}) {
  const { idPrefix, days } = props;
  return (
    <div className="day-tabs" role="tablist" aria-label="Days of the plan">
      {days.map((item) => {
        const selected = item.day === props.selectedDay;
        return (
          <button
            key={item.day}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${item.day}`}
            aria-selected={selected}
            aria-controls={`${idPrefix}-panel`}
            tabIndex={selected ? 0 : -1}
            className={`day-tab${selected ? " selected" : ""}${statusClass(item.status)}`}
            data-status={item.status}
            onClick={() => props.onSelect(item.day)}
            onKeyDown={(event) => {
              if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
              const next = item.day + (event.key === "ArrowRight" ? 1 : -1);
              if (next < 1 || next > days.length) return;
              props.onSelect(next);
              document.getElementById(`${idPrefix}-tab-${next}`)?.focus();
            }}
          >
            <span className="day-tab-label">{props.labelOf(item.day)}</span>
            <span className="day-tab-total">
              {formatMicrograms(item.b12Micrograms)} µg{item.complete ? "" : "*"}
            </span>
            {item.status !== "no-target" && (
              <span className="day-tab-status">{STATUS_SHORT[item.status]}</span>
            )}
          </button>
        );
      })}
    </div>
  );
}
