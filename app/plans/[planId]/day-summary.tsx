/** The chosen day's verdict: its one status and reason, intake and estimated absorbed. */
import type { ReactNode } from "react";
import { formatMicrograms } from "@/app/_lib/format";
import { statusClass, statusHeadline } from "@/app/_lib/status";
import { ofRecommended, unknownNote } from "./summary-cards";
import type { DayTotals } from "./use-plan-editor";

export function DaySummary(props: {
  day: DayTotals;
  label: string;
  targetMicrograms: number | null;
  /** The plan's reason: not repeated here when the day's is the same sentence. */
  planReason: string | null;
  children?: ReactNode;
}) {
  const { day } = props;
  return (
    <div className={`card day-total${statusClass(day.status)}`} data-status={day.status}>
      <h2 className="card-title">{props.label}</h2>
      <p className="day-verdict">{statusHeadline(day.status, "This day", day.complete)}</p>
      {day.statusReason && day.status === "short" && day.statusReason !== props.planReason && (
        <p className="small">{day.statusReason}</p>
      )}
      <p>
        <strong>
          {formatMicrograms(day.b12Micrograms)} µg{!day.complete && " or more"}
        </strong>
        {props.targetMicrograms !== null &&
          ` (${ofRecommended(day.percentOfTarget, props.targetMicrograms)})`}
        ; estimated absorbed about {formatMicrograms(day.absorbedB12Micrograms)} µg
        {day.absorbedTargetMicrograms !== null &&
          ` of about ${formatMicrograms(day.absorbedTargetMicrograms)} µg needed`}
        .
      </p>
      {day.supplementB12Micrograms > 0 && (
        <p className="small">
          Includes supplements: {formatMicrograms(day.supplementB12Micrograms)} µg (weekly and other
          occasional doses are counted as their daily average).
        </p>
      )}
      {!day.complete && (
        <p className="warn-text">{unknownNote(day.unknownEntries, day.entryCount)}</p>
      )}
      {props.children}
    </div>
  );
}
