/**
 * The owner's profile: what their B12 target depends on. Until a person saves one, a
 * default adult profile is used and flagged, so the UI can ask them to set theirs.
 */
import { eq } from "drizzle-orm";
import type { AppDatabase } from "../../db/client";
import { first } from "../../db/dialect";
import { profiles } from "../../db/schema";
import {
  type B12Target,
  isOlderAdult,
  REFERENCE_STANDARD_INFO,
  REFERENCE_STANDARDS,
  type ReferenceStandard,
  recommendedB12Intake,
  type Sex,
} from "../domain/targets";
import type { Condition, Diet } from "../domain/vocabulary";
import type { ProfileInput } from "../schemas/profile";

export type Profile = {
  ageYears: number;
  sex: Sex;
  pregnant: boolean;
  breastfeeding: boolean;
  diet: Diet;
  standard: ReferenceStandard;
  conditions: Condition[];
};

export type ProfileWithTarget = {
  profile: Profile;
  /** true until the person saves a profile: the values are the defaults. */
  isDefault: boolean;
  target: B12Target;
  /** Aged 51 or over (IOM 1998: adults over 50): food-bound B12 may be absorbed less well. */
  olderAdult: boolean;
  /** The reference standards a person can choose, with their sources. */
  standards: { id: ReferenceStandard; name: string; shortName: string; source: string }[];
};

/** Used until a person saves their own profile: an adult, US RDA. */
export const DEFAULT_PROFILE: Profile = {
  ageYears: 30,
  sex: "female",
  pregnant: false,
  breastfeeding: false,
  diet: "omnivore",
  standard: "nih",
  conditions: [],
};

export function profileWithTarget(profile: Profile, isDefault: boolean): ProfileWithTarget {
  return {
    profile,
    isDefault,
    target: recommendedB12Intake(profile),
    olderAdult: isOlderAdult(profile.ageYears),
    standards: REFERENCE_STANDARDS.map((id) => ({ id, ...REFERENCE_STANDARD_INFO[id] })),
  };
}

type Db = Pick<AppDatabase, "select" | "insert">;

export async function getProfile(db: Db, ownerId: string): Promise<ProfileWithTarget> {
  const row = await first(db.select().from(profiles).where(eq(profiles.ownerId, ownerId)));
  if (!row) return profileWithTarget(DEFAULT_PROFILE, true);
  return profileWithTarget(
    {
      ageYears: row.ageYears,
      sex: row.sex,
      pregnant: row.pregnant,
      breastfeeding: row.breastfeeding,
      diet: row.diet,
      standard: row.standard,
      conditions: row.conditions,
    },
    false,
  );
}

export async function updateProfile(
  db: Db,
  ownerId: string,
  input: ProfileInput,
): Promise<ProfileWithTarget> {
  const values = { ...input, updatedAt: new Date().toISOString() };
  await db
    .insert(profiles)
    .values({ ownerId, ...values })
    .onConflictDoUpdate({ target: profiles.ownerId, set: values });
  return getProfile(db, ownerId);
}
