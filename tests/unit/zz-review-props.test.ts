import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { absorptionProfile, NORMAL_ABSORPTION, absorbedFromDose } from "@/server/domain/absorption";
import { judgeB12, meetsTargets } from "@/server/domain/b12-status";
import {
  calculatePlanTotals,
  MEAL_ORDER,
  type MealSlot,
  type PlanTotalsInput,
  type TotalsSupplementInput,
} from "@/server/domain/plan-totals";
import { regimenPattern } from "@/server/domain/regimen-pattern";
import { type CandidateFood, suggestForPlan } from "@/server/domain/suggestions";
import type { Diet } from "@/server/domain/vocabulary";

const RUNS = Number(process.env.RUNS ?? 20000);
const meal = fc.constantFrom<MealSlot>(...MEAL_ORDER);
const profiles = [
  NORMAL_ABSORPTION,
  absorptionProfile({ ageYears: 75, conditions: [] }),
  absorptionProfile({ ageYears: 40, conditions: ["acid-reducers"] }),
  absorptionProfile({ ageYears: 40, conditions: ["no-intrinsic-factor"] }),
];

const supplementArb = (dayCount: number, maxN: number) =>
  fc.record({
    id: fc.uuid(),
    doseMicrograms: fc.oneof(
      fc.double({ min: 0.1, max: 10_000, noNaN: true }),
      fc.constantFrom(0.1, 1, 2, 10, 250, 2000),
    ),
    withMeal: fc.option(meal, { nil: null }),
    everyNDays: fc.option(fc.oneof(fc.integer({ min: 1, max: maxN }), fc.constantFrom(1, 2, 7, 71, 73, 83, 89, 90)), { nil: null }),
    firstDay: fc.integer({ min: 1, max: dayCount + 3 }),
    weekdays: fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1 }), {
      nil: null,
    }),
    injected: fc.boolean(),
  }).map((s) => (s.weekdays !== null ? { ...s, everyNDays: null } : s));

const planArb = (opts: { maxSupp?: number; maxN?: number; food?: boolean } = {}) =>
  fc.integer({ min: 1, max: 14 }).chain((dayCount) =>
    fc.record({
      dayCount: fc.constant(dayCount),
      targetMicrograms: fc.option(fc.constantFrom(0.9, 1.5, 2.4, 4, 5), { nil: null }),
      startDate: fc.option(fc.constantFrom("2026-11-23", "2024-02-27"), { nil: null }),
      absorption: fc.constantFrom(...profiles),
      portionFactor: fc.constantFrom(1, 0.5, 1.5),
      entries:
        opts.food === false
          ? fc.constant([])
          : fc.uniqueArray(
              fc.record({
                id: fc.uuid(),
                day: fc.integer({ min: 1, max: dayCount }),
                meal,
                foodId: fc.constantFrom("a", "b", "c"),
                foodName: fc.constant("food"),
                grams: fc.double({ min: 0.1, max: 1000, noNaN: true }),
                b12PerHundredGrams: fc.double({ min: 0, max: 20, noNaN: true }),
                crystallineShare: fc.double({ min: 0, max: 1, noNaN: true }),
              }),
              { maxLength: 12, selector: (e) => e.id },
            ),
      supplements: fc.uniqueArray(supplementArb(dayCount, opts.maxN ?? 90), {
        maxLength: opts.maxSupp ?? 5,
        selector: (s) => s.id,
      }),
    }),
  );

const rel = (a: number, b: number, tol = 1e-9) =>
  Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));

function fail(name: string, detail: unknown): never {
  throw new Error(`${name}: ${JSON.stringify(detail)}`);
}

describe("review: plan totals invariants", () => {
  it("basic: finite, low ≤ est, absorbed ≤ swallowed, status consistent", () => {
    fc.assert(
      fc.property(planArb(), (plan) => {
        const t = calculatePlanTotals(plan);
        for (const d of t.days) {
          for (const v of [d.absorbedB12Micrograms, d.absorbedLowB12Micrograms, d.absorbedFromSupplementsMicrograms, d.b12Micrograms]) {
            if (!Number.isFinite(v) || v < -1e-12) fail("finite", { v, d: d.day });
          }
          if (d.absorbedLowB12Micrograms > d.absorbedB12Micrograms * (1 + 1e-9) + 1e-12)
            fail("low>est", { low: d.absorbedLowB12Micrograms, est: d.absorbedB12Micrograms });
          if (d.absorbedB12Micrograms > d.b12Micrograms - d.injectedMicrograms + 1e-9)
            fail("abs>swallowed", { abs: d.absorbedB12Micrograms, sw: d.b12Micrograms - d.injectedMicrograms });
          if (d.absorbedFromSupplementsMicrograms > d.absorbedB12Micrograms + 1e-9) fail("fromSupp>abs", {});
          if (d.absorbedFromFoodMicrograms < -1e-9) fail("food<0", { f: d.absorbedFromFoodMicrograms });
          const s = judgeB12({ intakeMicrograms: d.b12Micrograms, absorbedMicrograms: d.absorbedB12Micrograms, targetMicrograms: d.targetMicrograms, absorbedTargetMicrograms: d.absorbedTargetMicrograms });
          if (s !== d.status) fail("daystatus", {});
        }
        if (t.averageAbsorbedLowB12Micrograms > t.averageAbsorbedB12Micrograms * (1 + 1e-9) + 1e-12) fail("avg low>est", {});
        const s = judgeB12({ intakeMicrograms: t.averageB12Micrograms, absorbedMicrograms: t.averageAbsorbedB12Micrograms, targetMicrograms: t.targetMicrograms, absorbedTargetMicrograms: t.absorbedTargetMicrograms });
        if (s !== t.status) fail("status", {});
        const m = meetsTargets({ intakeMicrograms: t.averageB12Micrograms, absorbedMicrograms: t.averageAbsorbedB12Micrograms, targetMicrograms: t.targetMicrograms, absorbedTargetMicrograms: t.absorbedTargetMicrograms });
        if (m.meetsTarget !== t.meetsTarget || m.meetsAbsorbedTarget !== t.meetsAbsorbedTarget) fail("meets", {});
        // Intake of regimens.
        for (const r of t.regimens) {
          if (!Number.isFinite(r.averageAbsorbedMicrograms) || !Number.isFinite(r.absorbedPerDoseMicrograms)) fail("reg finite", r);
          if (r.averageAbsorbedMicrograms < -1e-12) fail("reg<0", r);
          if (r.absorbedPerDoseMicrograms > r.doseMicrograms + 1e-9) fail("perDose>dose", r);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("periodic: absorbedPerDose × dosesPerDay = averageAbsorbed", () => {
    fc.assert(
      fc.property(planArb(), (plan) => {
        const t = calculatePlanTotals(plan);
        t.regimens.forEach((r, i) => {
          const s = plan.supplements[i] as TotalsSupplementInput;
          const periodic = (s.weekdays?.length ?? 0) > 0 || (s.everyNDays ?? 1) !== 1;
          if (!periodic || r.injected) return;
          if (!rel(r.absorbedPerDoseMicrograms * r.dosesPerDay, r.averageAbsorbedMicrograms, 1e-9))
            fail("perDose*rate", { r, prod: r.absorbedPerDoseMicrograms * r.dosesPerDay, sup: plan.supplements.map((x) => ({ n: x.everyNDays, f: x.firstDay, w: x.weekdays, m: x.withMeal, inj: x.injected })) });
        });
      }),
      { numRuns: RUNS },
    );
  });

  it("Σ regimen averageAbsorbed = averageAbsorbedFromSupplements", () => {
    fc.assert(
      fc.property(planArb(), (plan) => {
        const t = calculatePlanTotals(plan);
        const sum = t.regimens.reduce((a, r) => a + r.averageAbsorbedMicrograms, 0);
        if (!rel(sum, t.averageAbsorbedFromSupplementsMicrograms, 1e-7))
          fail("sum", { sum, from: t.averageAbsorbedFromSupplementsMicrograms, sup: plan.supplements.map((x) => ({ d: x.doseMicrograms, n: x.everyNDays, f: x.firstDay, w: x.weekdays, m: x.withMeal, inj: x.injected })), entries: plan.entries.length });
      }),
      { numRuns: RUNS },
    );
  });

  it("adding a supplement never lowers absorbed (or low end)", () => {
    fc.assert(
      fc.property(
        planArb().chain((plan) => fc.tuple(fc.constant(plan), supplementArb(plan.dayCount, 90))),
        ([plan, extra]) => {
          const before = calculatePlanTotals(plan);
          const after = calculatePlanTotals({ ...plan, supplements: [...plan.supplements, extra] });
          if (after.averageAbsorbedB12Micrograms < before.averageAbsorbedB12Micrograms * (1 - 1e-9) - 1e-12)
            fail("add lowers", { b: before.averageAbsorbedB12Micrograms, a: after.averageAbsorbedB12Micrograms, plan: { ...plan, entries: plan.entries.length }, extra });
          if (after.averageAbsorbedLowB12Micrograms < before.averageAbsorbedLowB12Micrograms * (1 - 1e-9) - 1e-12)
            fail("add lowers low", { b: before.averageAbsorbedLowB12Micrograms, a: after.averageAbsorbedLowB12Micrograms });
          if (before.status === "meets" && after.status === "short") fail("meets→short", {});
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("raising a dose never lowers absorbed", () => {
    fc.assert(
      fc.property(
        planArb().filter((p) => p.supplements.length > 0),
        fc.nat(),
        fc.double({ min: 1, max: 10, noNaN: true }),
        (plan, idx, factor) => {
          const i = idx % plan.supplements.length;
          const bumped = plan.supplements.map((s, j) =>
            j === i ? { ...s, doseMicrograms: Math.min(10_000, s.doseMicrograms * factor) } : s,
          );
          const before = calculatePlanTotals(plan);
          const after = calculatePlanTotals({ ...plan, supplements: bumped });
          if (after.averageAbsorbedB12Micrograms < before.averageAbsorbedB12Micrograms * (1 - 1e-9) - 1e-12) fail("dose", {});
          if (after.averageAbsorbedLowB12Micrograms < before.averageAbsorbedLowB12Micrograms * (1 - 1e-9) - 1e-12) fail("dose low", {});
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("adding food never lowers absorbed", () => {
    fc.assert(
      fc.property(planArb(), fc.nat(), meal, fc.double({ min: 0.01, max: 20, noNaN: true }), (plan, dd, m, b12) => {
        const day = (dd % plan.dayCount) + 1;
        const before = calculatePlanTotals(plan);
        const after = calculatePlanTotals({ ...plan, entries: [...plan.entries, { id: "zz-extra", day, meal: m, foodId: "x", foodName: "x", grams: 100, b12PerHundredGrams: b12 }] });
        if (after.averageAbsorbedB12Micrograms < before.averageAbsorbedB12Micrograms * (1 - 1e-9) - 1e-12) fail("food lowers", {});
        if (before.status === "meets" && after.status === "short") fail("food meets→short", {});
      }),
      { numRuns: RUNS },
    );
  });

  it("periodic-only plan: averages do not depend on the plan's length", () => {
    fc.assert(
      fc.property(planArb({ food: false }), fc.integer({ min: 1, max: 30 }), (plan, more) => {
        const supps = plan.supplements.map((s) => ({ ...s, everyNDays: s.weekdays ? null : Math.max(2, s.everyNDays ?? 2) }));
        const a = calculatePlanTotals({ ...plan, supplements: supps });
        const b = calculatePlanTotals({ ...plan, dayCount: plan.dayCount + more, supplements: supps });
        if (!rel(a.averageAbsorbedB12Micrograms, b.averageAbsorbedB12Micrograms, 1e-9)) fail("length", { a: a.averageAbsorbedB12Micrograms, b: b.averageAbsorbedB12Micrograms });
      }),
      { numRuns: RUNS / 4 },
    );
  });
});

describe("review: regimenPattern", () => {
  it("shares: sets disjoint, member shares add up, exact 1/N when cycle fits", () => {
    const reg = fc.record({
      id: fc.uuid(),
      doseMicrograms: fc.double({ min: 0.1, max: 100, noNaN: true }),
      everyNDays: fc.integer({ min: 2, max: 90 }),
      firstDay: fc.integer({ min: 1, max: 30 }),
      weekdays: fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(reg, { maxLength: 6, selector: (r) => r.id }), fc.option(fc.constant("2026-11-23"), { nil: null }), (regs, start) => {
        const p = regimenPattern(regs, start);
        const total = p.sets.reduce((a, s) => a + s.share, 0);
        if (total > 1 + 1e-12) fail("shares>1", {});
        for (const r of regs) {
          const viaSets = p.sets.filter((s) => s.members.some((m) => m.id === r.id)).reduce((a, s) => a + s.share, 0);
          if (!rel(viaSets, p.shareById.get(r.id) ?? 0, 1e-12)) fail("member", {});
        }
      }),
      { numRuns: RUNS },
    );
  });
});

const DIETS: Diet[] = ["vegan", "vegetarian", "omnivore"];
const candidate = fc.record({
  foodId: fc.uuid(),
  name: fc.constantFrom("Fortified drink", "Cereal", "Liver", "Cheese", "Milk"),
  diet: fc.constantFrom<Diet>(...DIETS),
  groupCode: fc.constantFrom(null, "0100", "0800", "1400", "1600"),
  source: fc.constantFrom<CandidateFood["source"]>("usda", "curated", "custom"),
  b12PerHundredGrams: fc.double({ min: 0.01, max: 100, noNaN: true }),
  crystallineShare: fc.double({ min: 0, max: 1, noNaN: true }),
  fortified: fc.boolean(),
  typicalLabelValue: fc.boolean(),
  portion: fc.option(
    fc.record({ id: fc.uuid(), label: fc.constant("1 cup"), grams: fc.double({ min: 5, max: 400, noNaN: true }) }),
    { nil: null },
  ),
});

describe("review: suggestions deliver what they claim", () => {
  it("adding a suggestion to the plan makes it meet", () => {
    fc.assert(
      fc.property(
        planArb({ maxSupp: 3 }),
        fc.array(candidate, { maxLength: 6 }),
        fc.constantFrom(30, 60),
        fc.constantFrom<Diet>(...DIETS),
        (plan0, candidates, ageYears, diet) => {
          const plan: PlanTotalsInput & { supplements: TotalsSupplementInput[] } = { ...plan0, targetMicrograms: plan0.targetMicrograms ?? 2.4 };
          const absorption = plan.absorption ?? NORMAL_ABSORPTION;
          const totals = calculatePlanTotals(plan);
          const profile = { diet, ageYears, pregnant: false, breastfeeding: false, conditions: [] as const };
          const res = suggestForPlan(totals, absorption, profile, candidates);
          const byId = new Map(candidates.map((c) => [c.foodId, c]));
          const foods = [...res.foods, ...res.regimens.flatMap((r) => (r.food ? [r.food] : []))];
          for (const f of foods) {
            const c = byId.get(f.foodId) as CandidateFood;
            const entries = [...plan.entries];
            for (let day = 1; day <= plan.dayCount; day += 1)
              for (const m of f.meals)
                entries.push({ id: `s-${day}-${m}`, day, meal: m, foodId: c.foodId, foodName: c.name, grams: f.gramsPerPortion, b12PerHundredGrams: c.b12PerHundredGrams, crystallineShare: c.crystallineShare });
            const after = calculatePlanTotals({ ...plan, entries });
            if (after.status !== "meets")
              fail("food", { claimed: f.averageAbsorbedAfter, real: after.averageAbsorbedB12Micrograms, target: after.absorbedTargetMicrograms, intake: after.averageB12Micrograms, pf: plan.portionFactor, sup: plan.supplements.map((x) => ({ d: x.doseMicrograms, n: x.everyNDays, f: x.firstDay, w: x.weekdays, m: x.withMeal, inj: x.injected })), meals: f.meals, b12: f.b12PerPortionMicrograms });
            if (!rel(after.averageAbsorbedB12Micrograms, f.averageAbsorbedAfter, 1e-6) && plan.portionFactor === 1)
              fail("food number", { claimed: f.averageAbsorbedAfter, real: after.averageAbsorbedB12Micrograms, sup: plan.supplements.map((x) => ({ d: x.doseMicrograms, n: x.everyNDays, f: x.firstDay, w: x.weekdays, m: x.withMeal, inj: x.injected })) });
          }
          for (const r of res.regimens) {
            if (!r.supplement || r.meetsAbsorbedTarget !== true) continue;
            const after = calculatePlanTotals({
              ...plan,
              supplements: [...plan.supplements, { id: "zz-new", doseMicrograms: r.supplement.doseMicrograms, everyNDays: r.supplement.everyNDays, withMeal: null, firstDay: 1, weekdays: null }],
            });
            if (after.status !== "meets")
              fail("regimen", { kind: r.kind, claimed: r.averageAbsorbedAfter, real: after.averageAbsorbedB12Micrograms, target: after.absorbedTargetMicrograms, sup: plan.supplements.map((x) => ({ d: x.doseMicrograms, n: x.everyNDays, f: x.firstDay, w: x.weekdays, m: x.withMeal, inj: x.injected })) });
          }
        },
      ),
      { numRuns: RUNS / 4 },
    );
  });
});

void absorbedFromDose;
