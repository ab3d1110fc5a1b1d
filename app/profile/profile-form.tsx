"use client";
/**
 * The profile form. The server validates and works out the target; this shows what it
 * says, with its source.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useId, useState } from "react";
import { DIET_LABEL, formatMicrograms } from "@/app/_lib/format";
import { useTRPC } from "@/app/_trpc/client";
import { CONDITION_TEXT } from "@/server/domain/vocabulary";
import type { RouterOutputs } from "@/server/trpc/root";

type ProfileResult = RouterOutputs["profile"]["get"];
type Profile = ProfileResult["profile"];
type Condition = Profile["conditions"][number];

export function ProfileForm({ initial }: { initial: ProfileResult }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const ids = useId();
  const [result, setResult] = useState(initial);
  const start = initial.profile;
  const infant = start.ageYears < 2 && !Number.isInteger(start.ageYears);
  const [ageUnit, setAgeUnit] = useState<"years" | "months">(infant ? "months" : "years");
  const [age, setAge] = useState(
    infant ? String(Math.round(start.ageYears * 12 * 10) / 10) : String(start.ageYears),
  );
  const [sex, setSex] = useState(start.sex);
  const [pregnant, setPregnant] = useState(start.pregnant);
  const [breastfeeding, setBreastfeeding] = useState(start.breastfeeding);
  const [diet, setDiet] = useState(start.diet);
  const [standard, setStandard] = useState(start.standard);
  const [conditions, setConditions] = useState<Condition[]>(start.conditions);
  const [saved, setSaved] = useState(false);

  const mutation = useMutation(
    trpc.profile.update.mutationOptions({
      onSuccess: (data) => {
        setResult(data);
        setSaved(true);
        // Every plan's targets and percentages follow the profile.
        void queryClient.invalidateQueries({ queryKey: trpc.plans.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.profile.pathKey() });
        router.refresh();
      },
    }),
  );

  const ageNumber = Number(age.replace(",", "."));
  const ageValid = age.trim() !== "" && Number.isFinite(ageNumber) && ageNumber >= 0;
  const ageYears = ageUnit === "months" ? ageNumber / 12 : ageNumber;
  const ageError = !ageValid
    ? "Enter an age, e.g. 34 years or 8 months."
    : ageYears > 120
      ? "The age must be at most 120 years."
      : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (ageError) return;
    mutation.mutate({
      ageYears,
      sex,
      pregnant: sex === "female" && pregnant,
      breastfeeding: sex === "female" && breastfeeding,
      diet,
      standard,
      conditions,
    });
  }

  const target = result.target;
  return (
    <div className="stack">
      <section className="card" aria-labelledby={`${ids}-target`} aria-live="polite">
        <h2 id={`${ids}-target`} className="card-title">
          Your daily B12 target
        </h2>
        {target.micrograms === null ? (
          <p className="big-number">No value set</p>
        ) : (
          <p className="big-number">{formatMicrograms(target.micrograms)} µg a day</p>
        )}
        <p>
          {target.standardName} ({target.kind}), {target.lifeStage.toLowerCase()}.{" "}
          <span className="muted">Source: {target.source}.</span>
        </p>
        {target.note && <p className="muted">{target.note}</p>}
        {result.olderAdult && (
          <p className="alert info">
            At 51 or over, food-bound B12 is absorbed less well by many people; the Institute of
            Medicine advises getting most of the B12 from fortified foods or supplements (IOM 1998).
          </p>
        )}
        {result.isDefault && (
          <p className="alert warn">
            This is the default profile (an adult, US RDA). Save your own details below.
          </p>
        )}
      </section>

      <form className="card stack" onSubmit={submit} noValidate>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${ids}-age`}>Age</label>
            <input
              id={`${ids}-age`}
              type="text"
              inputMode="decimal"
              value={age}
              onChange={(event) => setAge(event.target.value)}
              aria-invalid={ageError ? true : undefined}
              aria-describedby={ageError ? `${ids}-age-error` : undefined}
            />
            {ageError && (
              <p className="field-error" id={`${ids}-age-error`}>
                {ageError}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor={`${ids}-unit`}>Age in</label>
            <select
              id={`${ids}-unit`}
              value={ageUnit}
              onChange={(event) => setAgeUnit(event.target.value === "months" ? "months" : "years")}
            >
              <option value="years">years</option>
              <option value="months">months (for babies)</option>
            </select>
          </div>
        </div>

        <fieldset>
          <legend>Sex</legend>
          <div className="actions">
            {(["female", "male"] as const).map((option) => (
              <label key={option} className="choice">
                <input
                  type="radio"
                  name={`${ids}-sex`}
                  checked={sex === option}
                  onChange={() => setSex(option)}
                />
                {option === "female" ? "Female" : "Male"}
              </label>
            ))}
          </div>
          {sex === "female" && (
            <div className="actions">
              <label className="choice">
                <input
                  type="checkbox"
                  checked={pregnant}
                  onChange={(event) => setPregnant(event.target.checked)}
                />
                Pregnant
              </label>
              <label className="choice">
                <input
                  type="checkbox"
                  checked={breastfeeding}
                  onChange={(event) => setBreastfeeding(event.target.checked)}
                />
                Breastfeeding
              </label>
            </div>
          )}
        </fieldset>

        <fieldset>
          <legend>Diet</legend>
          <div className="actions">
            {(["omnivore", "vegetarian", "vegan"] as const).map((option) => (
              <label key={option} className="choice">
                <input
                  type="radio"
                  name={`${ids}-diet`}
                  checked={diet === option}
                  onChange={() => setDiet(option)}
                />
                {option === "omnivore" ? "Eats meat or fish" : DIET_LABEL[option]}
              </label>
            ))}
          </div>
        </fieldset>

        <fieldset>
          <legend>Reference standard for the target</legend>
          {result.standards.map((option) => (
            <label key={option.id} className="choice choice-block">
              <input
                type="radio"
                name={`${ids}-standard`}
                checked={standard === option.id}
                onChange={() => setStandard(option.id)}
              />
              <span>
                {option.name}
                <span className="muted small"> ({option.source})</span>
              </span>
            </label>
          ))}
        </fieldset>

        <fieldset>
          <legend>Things that change how B12 is absorbed</legend>
          <p className="field-hint">
            Stored with your profile and used to explain your results. If any applies, talk to your
            doctor or dietitian about your B12.
          </p>
          {(Object.keys(CONDITION_TEXT) as Condition[]).map((condition) => (
            <label key={condition} className="choice choice-block">
              <input
                type="checkbox"
                checked={conditions.includes(condition)}
                onChange={(event) =>
                  setConditions((list) =>
                    event.target.checked
                      ? [...list, condition]
                      : list.filter((item) => item !== condition),
                  )
                }
              />
              <span>
                {CONDITION_TEXT[condition].label}
                <span className="muted small"> {CONDITION_TEXT[condition].hint}</span>
              </span>
            </label>
          ))}
          <p className="field-hint">Being 51 or over is taken from your age.</p>
        </fieldset>

        {mutation.isError && (
          <div className="alert error" role="alert">
            Not saved: {mutation.error.message}
          </div>
        )}
        <div className="actions">
          <button type="submit" disabled={mutation.isPending}>
            {mutation.isPending ? "Saving…" : "Save profile"}
          </button>
          <span role="status" className="muted">
            {saved && !mutation.isPending ? "Saved." : ""}
          </span>
        </div>
      </form>
    </div>
  );
}
