/**
 * The one verdict: does a day (or a plan, on its daily average) give enough B12 for this
 * person? Every screen shows this status and nothing else decides it (docs/methodology.md,
 * "The verdict"). Pure.
 *
 * "meets" needs both:
 * - intake ≥ the recommended intake of the person's standard (IOM 1998, EFSA 2015,
 *   UK COMA 1991, WHO/FAO 2004), and
 * - estimated absorbed ≥ the absorbed target, which is what the absorption model takes up
 *   from that recommendation eaten in three equal meals (./absorption.ts).
 * So the recommendation spread over three meals meets under every standard, and eating
 * more never turns "meets" into "short" (both sides only grow with intake). A total with
 * foods of unknown B12 is a lower bound: if it already meets, it meets.
 *
 * "short" comes with one sentence saying why, for people: too little eaten, or enough
 * eaten but in too few sittings for the body to take it up.
 */

export type B12Status = "meets" | "short" | "no-target";

/** Relative slack for floating-point sums (0.8 + 0.8 + 0.8 must meet 2.4). */
const TOLERANCE = 1e-9;

const atLeast = (value: number, target: number) => value >= target * (1 - TOLERANCE);

export type VerdictInput = {
  intakeMicrograms: number;
  absorbedMicrograms: number;
  targetMicrograms: number | null;
  absorbedTargetMicrograms: number | null;
};

/** Whether intake and absorbed reach their targets; null for each without a target. */
export function meetsTargets(input: VerdictInput): {
  meetsTarget: boolean | null;
  meetsAbsorbedTarget: boolean | null;
} {
  return {
    meetsTarget:
      input.targetMicrograms === null
        ? null
        : atLeast(input.intakeMicrograms, input.targetMicrograms),
    meetsAbsorbedTarget:
      input.absorbedTargetMicrograms === null
        ? null
        : atLeast(input.absorbedMicrograms, input.absorbedTargetMicrograms),
  };
}

/** The status: "meets" when intake and absorbed both reach their targets. */
export function judgeB12(input: VerdictInput): B12Status {
  const { meetsTarget, meetsAbsorbedTarget } = meetsTargets(input);
  if (meetsTarget === null || meetsAbsorbedTarget === null) return "no-target";
  return meetsTarget && meetsAbsorbedTarget ? "meets" : "short";
}

/** µg for sentences: 21.4985 → "21.5", 0.8627 → "0.86", 285.71 → "286". */
export function formatAmount(value: number): string {
  if (value >= 100) return Math.round(value).toLocaleString("en-GB");
  if (value >= 10) return String(Math.round(value * 10) / 10);
  if (value > 0 && value < 0.01) return "under 0.01";
  return String(Math.round(value * 100) / 100);
}

export type LargestSitting = {
  /** "breakfast", "lunch", "dinner", "snacks" or "supplements taken on their own". */
  label: string;
  doseMicrograms: number;
  absorbedMicrograms: number;
};

export type ReasonInput = VerdictInput & {
  status: B12Status;
  /** The eating occasion holding the most B12, or null when there is none. */
  largest: LargestSitting | null;
  intrinsicFactor: boolean;
  /** "a day" for a day, "a day on average" for a plan. */
  period: string;
};

/** One sentence for people: why the status is what it is (null when nothing needs saying). */
export function explainStatus(input: ReasonInput): string | null {
  const { status, targetMicrograms, absorbedTargetMicrograms } = input;
  if (status === "no-target") {
    return "Your reference standard sets no amount for this age, so there is nothing to judge against.";
  }
  if (status === "meets" || targetMicrograms === null || absorbedTargetMicrograms === null) {
    return null;
  }
  const intake = formatAmount(input.intakeMicrograms);
  const absorbed = formatAmount(input.absorbedMicrograms);
  const needed = formatAmount(absorbedTargetMicrograms);
  if (!input.intrinsicFactor) {
    return `Without intrinsic factor only about 1% is taken up: ${intake} µg ${input.period} gives about ${absorbed} µg, and about ${needed} µg is needed. Please plan treatment with your clinician.`;
  }
  if (!atLeast(input.intakeMicrograms, targetMicrograms)) {
    return `${intake} µg ${input.period} is below the ${formatAmount(targetMicrograms)} µg recommended for you.`;
  }
  const largest = input.largest;
  if (largest !== null && largest.doseMicrograms > 0) {
    return `${formatAmount(largest.doseMicrograms)} µg at ${largest.label}: the body takes up only about ${formatAmount(largest.absorbedMicrograms)} µg of it at once, so about ${absorbed} µg is absorbed ${input.period} where about ${needed} µg is needed. Spread it over more meals, or add a fortified food or a supplement.`;
  }
  return `About ${absorbed} µg is absorbed ${input.period}, and about ${needed} µg is needed.`;
}
