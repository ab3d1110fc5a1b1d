/**
 * The one description of the database: every table, written once against the PostgreSQL
 * kit's type (db/kit/pg.ts). db/schema.ts builds the SQLite tables from it with
 * db/kit/sqlite.ts, db/schema.pg.ts the PostgreSQL tables with db/kit/pg.ts
 * (docs/postgresql-design.md, section 1). A function generic over both kits does not
 * type-check (the union of pgTable and sqliteTable is not callable), hence one kit type.
 *
 * Shared reference data (USDA SR28 foods, curated fortified foods) has no owner;
 * everything a person creates (custom foods, diet corrections, plans) carries an owner id.
 * Nutrient values are per 100 g of edible portion, as in SR28; null means "not known",
 * never zero.
 *
 * Search indexes are not described here: SQLite's FTS5 table `foods_fts` (with its
 * triggers) and PostgreSQL's search columns and GIN index come from hand-written
 * migrations, which drizzle-kit never drops because it diffs against its own snapshots.
 */
import { sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import {
  type Condition,
  DIETS,
  FOOD_SOURCES,
  HOUSEHOLD_ROLES,
  LABEL_EDITIONS,
  MEALS,
  REFERENCE_STANDARDS,
  SEXES,
  SUPPLEMENT_COMPOUNDS,
  SUPPLEMENT_FORMS,
  UNIT_SYSTEMS,
} from "../server/domain/vocabulary";
import type * as PgKit from "./kit/pg";

/** The kit every table is written against: db/kit/pg.ts, or db/kit/sqlite.ts under its type. */
export type Kit = typeof PgKit;

export function defineTables(k: Kit) {
  const timestamps = {
    createdAt: k.isoNow("created_at"),
    updatedAt: k.isoNow("updated_at"),
  };

  const owners = k.table("owners", {
    id: k.text("id").primaryKey(),
    name: k.text("name").notNull(),
    createdAt: timestamps.createdAt,
    /**
     * The household's data version and write lock (docs/postgresql-design.md, section 4):
     * a write transaction bumps it first, which serialises that household's writers and
     * tells every app instance its cached totals are stale.
     */
    dataVersion: k.int("data_version").notNull().default(0),
  });

  const foodGroups = k.table("food_groups", {
    code: k.text("code").primaryKey(),
    name: k.text("name").notNull(),
  });

  const foods = k.table(
    "foods",
    {
      /** Integer key: the FTS5 index's rowid points here (stable, unlike an implicit rowid). */
      key: k.serialKey("key"),
      /**
       * Public id: `sr28-01001`, `curated-…`, `custom-…`. A unique constraint rather than a
       * unique index: PostgreSQL's foreign keys to it need one when drizzle-kit adds them,
       * before its indexes (SQLite's snapshot records both as the same unique index).
       */
      id: k.text("id").notNull().unique("foods_id_unique"),
      source: k.text("source", { enum: FOOD_SOURCES }).notNull(),
      ndbNumber: k.text("ndb_number"),
      name: k.text("name").notNull(),
      /** Extra words the search index knows this food by (e.g. "soy milk" for "Soymilk"). */
      searchKeywords: k.text("search_keywords").notNull().default(""),
      /** What the name says the food is, `|egg|whole egg|` (server/domain/search-ranking.ts). */
      searchHeads: k.text("search_heads").notNull().default(""),
      /** Query-independent rank, lower = plainer and more everyday (search-ranking.ts). */
      searchPrior: k.int("search_prior").notNull().default(0),
      /** SR28 FOOD_DES "Survey": used in the US national dietary survey (an everyday food). */
      survey: k.bool("survey").notNull().default(false),
      groupCode: k.text("group_code").references(() => foodGroups.code),
      manufacturer: k.text("manufacturer"),
      commonName: k.text("common_name"),
      scientificName: k.text("scientific_name"),
      b12PerHundredGrams: k.float("b12_per_100g"),
      b12AddedPerHundredGrams: k.float("b12_added_per_100g"),
      energyKcalPerHundredGrams: k.float("energy_kcal_per_100g"),
      proteinGramsPerHundredGrams: k.float("protein_g_per_100g"),
      fatGramsPerHundredGrams: k.float("fat_g_per_100g"),
      carbohydrateGramsPerHundredGrams: k.float("carbohydrate_g_per_100g"),
      fibreGramsPerHundredGrams: k.float("fibre_g_per_100g"),
      /** Diet as classified at import (or chosen by the owner of a custom food). */
      diet: k.text("diet", { enum: DIETS }).notNull(),
      dietReason: k.text("diet_reason").notNull(),
      b12Fortified: k.bool("b12_fortified").notNull(),
      fortifiedReason: k.text("fortified_reason"),
      /** Where a curated figure comes from, and that it is a typical label value. */
      sourceNote: k.text("source_note"),
      typicalLabelValue: k.bool("typical_label_value").notNull().default(false),
      /** Custom foods: what the person typed from the label, so the edit form shows it back. */
      labelServingGrams: k.float("label_serving_grams"),
      labelB12Micrograms: k.float("label_b12_micrograms"),
      labelPercentDailyValue: k.float("label_percent_daily_value"),
      labelEdition: k.text("label_edition", { enum: LABEL_EDITIONS }),
      ownerId: k.text("owner_id").references(() => owners.id, { onDelete: "cascade" }),
      ...timestamps,
    },
    (table) => [
      k.uniqueIndex("foods_ndb_number_unique").on(table.ndbNumber),
      k.index("foods_group_idx").on(table.groupCode),
      k.index("foods_owner_idx").on(table.ownerId),
      k.index("foods_b12_idx").on(table.b12PerHundredGrams),
      // Shopping lists find a prepared food's raw form by exact name (shopping-sources.ts).
      k.index("foods_name_idx").on(table.name),
    ],
  );

  const foodPortions = k.table(
    "food_portions",
    {
      /** `${foodId}:${seq}`: stable across re-imports so saved references keep working. */
      id: k.text("id").primaryKey(),
      foodId: k
        .text("food_id")
        .notNull()
        .references(() => foods.id, { onDelete: "cascade" }),
      seq: k.int("seq").notNull(),
      amount: k.float("amount").notNull(),
      unit: k.text("unit").notNull(),
      label: k.text("label").notNull(),
      /** Grams for `amount` × `unit`. */
      grams: k.float("grams").notNull(),
    },
    (table) => [k.uniqueIndex("food_portions_food_seq_unique").on(table.foodId, table.seq)],
  );

  /** A person's correction of a food's diet; kept apart from `foods` so re-imports keep it. */
  const dietOverrides = k.table(
    "diet_overrides",
    {
      ownerId: k
        .text("owner_id")
        .notNull()
        .references(() => owners.id, { onDelete: "cascade" }),
      foodId: k
        .text("food_id")
        .notNull()
        .references(() => foods.id, { onDelete: "cascade" }),
      diet: k.text("diet", { enum: DIETS }).notNull(),
      note: k.text("note"),
      ...timestamps,
    },
    (table) => [
      k.primaryKey({ columns: [table.ownerId, table.foodId] }),
      // Deleting a food cascades here: found by food id, not a scan per deleted food.
      k.index("diet_overrides_food_idx").on(table.foodId),
    ],
  );

  /** Foods a person starred, shown when the search box is empty. */
  const favoriteFoods = k.table(
    "favorite_foods",
    {
      ownerId: k
        .text("owner_id")
        .notNull()
        .references(() => owners.id, { onDelete: "cascade" }),
      foodId: k
        .text("food_id")
        .notNull()
        .references(() => foods.id, { onDelete: "cascade" }),
      createdAt: timestamps.createdAt,
    },
    (table) => [
      k.primaryKey({ columns: [table.ownerId, table.foodId] }),
      k.index("favorite_foods_owner_idx").on(table.ownerId, table.createdAt),
      k.index("favorite_foods_food_idx").on(table.foodId),
    ],
  );

  /** One profile per owner: what the B12 target (and later absorption) depends on. */
  const profiles = k.table("profiles", {
    ownerId: k
      .text("owner_id")
      .primaryKey()
      .references(() => owners.id, { onDelete: "cascade" }),
    ageYears: k.float("age_years").notNull(),
    sex: k.text("sex", { enum: SEXES }).notNull(),
    pregnant: k.bool("pregnant").notNull().default(false),
    breastfeeding: k.bool("breastfeeding").notNull().default(false),
    diet: k.text("diet", { enum: DIETS }).notNull(),
    standard: k.text("standard", { enum: REFERENCE_STANDARDS }).notNull(),
    /** JSON array of Condition. */
    conditions: k.json("conditions").$type<Condition[]>().notNull().default(sql`'[]'`),
    ...timestamps,
  });

  const plans = k.table(
    "plans",
    {
      id: k.text("id").primaryKey(),
      ownerId: k
        .text("owner_id")
        .notNull()
        .references(() => owners.id, { onDelete: "cascade" }),
      name: k.text("name").notNull(),
      dayCount: k.int("day_count").notNull(),
      /** ISO date (YYYY-MM-DD) of day 1, or null for an undated plan. */
      startDate: k.text("start_date"),
      ...timestamps,
    },
    (table) => [k.index("plans_owner_idx").on(table.ownerId, table.updatedAt)],
  );

  /**
   * A food in a meal of a plan day. `grams` is the amount the totals use; when the person
   * chose a household portion, `portionId` and `quantity` say how ("1.5 × 1 cup").
   * Foods in use cannot be deleted (RESTRICT); a vanished portion only loses its label.
   */
  const planEntries = k.table(
    "plan_entries",
    {
      id: k.text("id").primaryKey(),
      planId: k
        .text("plan_id")
        .notNull()
        .references(() => plans.id, { onDelete: "cascade" }),
      day: k.int("day").notNull(),
      meal: k.text("meal", { enum: MEALS }).notNull(),
      foodId: k
        .text("food_id")
        .notNull()
        .references(() => foods.id, { onDelete: "restrict" }),
      portionId: k.text("portion_id").references(() => foodPortions.id, { onDelete: "set null" }),
      quantity: k.float("quantity"),
      grams: k.float("grams").notNull(),
      /** Order within the meal (ascending). */
      position: k.int("position").notNull(),
      ...timestamps,
    },
    (table) => [
      k.index("plan_entries_plan_idx").on(table.planId, table.day, table.meal, table.position),
      k.index("plan_entries_food_idx").on(table.foodId),
      // Deleting a portion sets this to null: without an index SQLite scans every entry of
      // every owner once per deleted portion (a custom food's deletion, a restore).
      k.index("plan_entries_portion_idx").on(table.portionId),
    ],
  );

  /**
   * Entries removed in the last few minutes, kept so a removal can be undone
   * (plans.restoreEntry). The row is the entry as it was; restoring puts it back under the
   * same id and position. Rows older than the undo window are purged on the next removal.
   */
  const removedPlanEntries = k.table(
    "removed_plan_entries",
    {
      id: k.text("id").primaryKey(),
      planId: k
        .text("plan_id")
        .notNull()
        .references(() => plans.id, { onDelete: "cascade" }),
      day: k.int("day").notNull(),
      meal: k.text("meal", { enum: MEALS }).notNull(),
      /** No foreign key: the food may be deleted meanwhile; restoring checks it. */
      foodId: k.text("food_id").notNull(),
      portionId: k.text("portion_id"),
      quantity: k.float("quantity"),
      grams: k.float("grams").notNull(),
      position: k.int("position").notNull(),
      removedAt: k.text("removed_at").notNull(),
    },
    (table) => [k.index("removed_plan_entries_removed_idx").on(table.removedAt)],
  );

  /**
   * A B12 supplement regimen in a plan. It is taken on the plan days its schedule picks:
   * every `everyNDays` days from `firstDay`, or, for dated plans, on the ISO `weekdays`
   * listed (1 = Monday … 7 = Sunday; then `everyNDays` is null). `withMeal` null means
   * taken on its own, apart from meals: its own eating occasion for the absorption model.
   */
  const planSupplements = k.table(
    "plan_supplements",
    {
      id: k.text("id").primaryKey(),
      planId: k
        .text("plan_id")
        .notNull()
        .references(() => plans.id, { onDelete: "cascade" }),
      doseMicrograms: k.float("dose_micrograms").notNull(),
      form: k.text("form", { enum: SUPPLEMENT_FORMS }).notNull(),
      compound: k
        .text("compound", { enum: SUPPLEMENT_COMPOUNDS })
        .notNull()
        .default("cyanocobalamin"),
      everyNDays: k.int("every_n_days"),
      firstDay: k.int("first_day").notNull().default(1),
      /** JSON array of ISO weekdays (1-7), or null. */
      weekdays: k.json("weekdays").$type<number[]>(),
      withMeal: k.text("with_meal", { enum: MEALS }),
      note: k.text("note"),
      /**
       * Whose supplement it is (a person of the plan's household). Null only for rows no
       * migration could assign (a household without people): they count for the plan's
       * first eater.
       */
      personId: k.text("person_id").references((): AnyPgColumn => people.id, {
        onDelete: "cascade",
      }),
      ...timestamps,
    },
    (table) => [
      k.index("plan_supplements_plan_idx").on(table.planId),
      k.index("plan_supplements_person_idx").on(table.personId),
    ],
  );

  /**
   * How a plan's shopping list is shown: who it is for, units and the range of days. The
   * list is for the plan's eaters (the sum of their portion factors) plus `guests`;
   * `servings`, when set, overrides that with a number of people chosen by hand.
   */
  const shoppingPreferences = k.table("shopping_preferences", {
    planId: k
      .text("plan_id")
      .primaryKey()
      .references(() => plans.id, { onDelete: "cascade" }),
    servings: k.int("servings"),
    guests: k.int("guests").notNull().default(0),
    unitSystem: k.text("unit_system", { enum: UNIT_SYSTEMS }).notNull().default("metric"),
    fromDay: k.int("from_day"),
    toDay: k.int("to_day"),
    ...timestamps,
  });

  /**
   * Per-line shopping state. `itemKey` names a line: a food id, `supplement:<id>` or
   * `extra:<id>`. Ticked lines and "already have" lines are kept, never deleted by use.
   */
  const shoppingMarks = k.table(
    "shopping_marks",
    {
      planId: k
        .text("plan_id")
        .notNull()
        .references(() => plans.id, { onDelete: "cascade" }),
      itemKey: k.text("item_key").notNull(),
      checked: k.bool("checked").notNull().default(false),
      inPantry: k.bool("in_pantry").notNull().default(false),
      updatedAt: timestamps.updatedAt,
    },
    (table) => [k.primaryKey({ columns: [table.planId, table.itemKey] })],
  );

  /** Free-text items a person adds to a plan's shopping list ("kitchen roll"). */
  const shoppingExtras = k.table(
    "shopping_extras",
    {
      id: k.text("id").primaryKey(),
      planId: k
        .text("plan_id")
        .notNull()
        .references(() => plans.id, { onDelete: "cascade" }),
      text: k.text("text").notNull(),
      position: k.int("position").notNull(),
      ...timestamps,
    },
    (table) => [k.index("shopping_extras_plan_idx").on(table.planId, table.position)],
  );

  /**
   * Aisles a person moved foods to on a shopping list ("tofu goes with the chilled foods in
   * my shop"), remembered per owner for every plan. `aisle` is one of `AISLES`
   * (server/domain/shopping.ts); the food id is not a foreign key, so a choice survives a
   * re-import and a custom food's deletion simply leaves an unused row.
   */
  const shoppingAisleChoices = k.table(
    "shopping_aisle_choices",
    {
      ownerId: k
        .text("owner_id")
        .notNull()
        .references(() => owners.id, { onDelete: "cascade" }),
      foodId: k.text("food_id").notNull(),
      aisle: k.text("aisle").notNull(),
      updatedAt: timestamps.updatedAt,
    },
    (table) => [k.primaryKey({ columns: [table.ownerId, table.foodId] })],
  );

  /** Small key/value facts about the database itself (e.g. the fingerprint of the last import). */
  const appMeta = k.table("app_meta", {
    key: k.text("key").primaryKey(),
    value: k.text("value").notNull(),
  });

  /*
   * Accounts and households (issue 15).
   *
   * A household IS an `owners` row: everything a household owns keeps its `owner_id`, so the
   * services did not change. Accounts are better-auth's tables (user, session, account,
   * verification, passkey; the field names are better-auth's, the SQL names ours), and
   * `household_members` says which household an account belongs to and with which role.
   * An account belongs to exactly one household.
   */

  const authTimestamps = {
    createdAt: k
      .timestampMs("created_at")
      .notNull()
      .$defaultFn(() => new Date()),
    updatedAt: k
      .timestampMs("updated_at")
      .notNull()
      .$defaultFn(() => new Date()),
  };

  const authUsers = k.table("auth_users", {
    id: k.text("id").primaryKey(),
    name: k.text("name").notNull(),
    email: k.text("email").notNull().unique(),
    emailVerified: k.bool("email_verified").notNull().default(false),
    image: k.text("image"),
    ...authTimestamps,
  });

  const authSessions = k.table(
    "auth_sessions",
    {
      id: k.text("id").primaryKey(),
      expiresAt: k.timestampMs("expires_at").notNull(),
      token: k.text("token").notNull().unique(),
      ipAddress: k.text("ip_address"),
      userAgent: k.text("user_agent"),
      userId: k
        .text("user_id")
        .notNull()
        .references(() => authUsers.id, { onDelete: "cascade" }),
      ...authTimestamps,
    },
    (table) => [k.index("auth_sessions_user_idx").on(table.userId)],
  );

  const authAccounts = k.table(
    "auth_accounts",
    {
      id: k.text("id").primaryKey(),
      accountId: k.text("account_id").notNull(),
      providerId: k.text("provider_id").notNull(),
      userId: k
        .text("user_id")
        .notNull()
        .references(() => authUsers.id, { onDelete: "cascade" }),
      accessToken: k.text("access_token"),
      refreshToken: k.text("refresh_token"),
      idToken: k.text("id_token"),
      accessTokenExpiresAt: k.timestampMs("access_token_expires_at"),
      refreshTokenExpiresAt: k.timestampMs("refresh_token_expires_at"),
      scope: k.text("scope"),
      password: k.text("password"),
      ...authTimestamps,
    },
    (table) => [k.index("auth_accounts_user_idx").on(table.userId)],
  );

  const authVerifications = k.table(
    "auth_verifications",
    {
      id: k.text("id").primaryKey(),
      identifier: k.text("identifier").notNull(),
      value: k.text("value").notNull(),
      expiresAt: k.timestampMs("expires_at").notNull(),
      ...authTimestamps,
    },
    (table) => [k.index("auth_verifications_identifier_idx").on(table.identifier)],
  );

  const authPasskeys = k.table(
    "auth_passkeys",
    {
      id: k.text("id").primaryKey(),
      name: k.text("name"),
      publicKey: k.text("public_key").notNull(),
      userId: k
        .text("user_id")
        .notNull()
        .references(() => authUsers.id, { onDelete: "cascade" }),
      credentialID: k.text("credential_id").notNull(),
      counter: k.int("counter").notNull(),
      deviceType: k.text("device_type").notNull(),
      backedUp: k.bool("backed_up").notNull(),
      transports: k.text("transports"),
      createdAt: k.timestampMs("created_at"),
      aaguid: k.text("aaguid"),
    },
    (table) => [
      k.index("auth_passkeys_user_idx").on(table.userId),
      k.index("auth_passkeys_credential_idx").on(table.credentialID),
    ],
  );

  /**
   * better-auth's rate-limit counters (its `rateLimit` model, `rateLimit.storage:
   * "database"`), used on PostgreSQL so that every app instance counts the same sign-in
   * attempts (server/auth/auth.ts). One row per client address and path: the attempts in
   * the current window and when the last allowed one came (epoch ms). Written by
   * server/auth/rate-limit-store.ts, one statement per attempt, which deletes rows older
   * than an hour (or the longest window seen). SQLite counts in memory (one process) and
   * leaves this table empty.
   */
  const authRateLimits = k.table("auth_rate_limits", {
    id: k.text("id").primaryKey(),
    key: k.text("key").notNull().unique(),
    count: k.int("count").notNull(),
    lastRequest: k.int64("last_request").notNull(),
  });

  /** Which household (owners row) an account belongs to, and what it may do there. */
  const householdMembers = k.table(
    "household_members",
    {
      userId: k
        .text("user_id")
        .primaryKey()
        .references(() => authUsers.id, { onDelete: "cascade" }),
      householdId: k
        .text("household_id")
        .notNull()
        .references(() => owners.id, { onDelete: "cascade" }),
      role: k.text("role", { enum: HOUSEHOLD_ROLES }).notNull(),
      createdAt: timestamps.createdAt,
    },
    (table) => [k.index("household_members_household_idx").on(table.householdId)],
  );

  /**
   * An invitation link: only the SHA-256 of its token is stored, so a copy of the database
   * does not hold usable links. Used once, before `expires_at` (ISO timestamp).
   */
  const householdInvitations = k.table(
    "household_invitations",
    {
      id: k.text("id").primaryKey(),
      householdId: k
        .text("household_id")
        .notNull()
        .references(() => owners.id, { onDelete: "cascade" }),
      tokenHash: k.text("token_hash").notNull().unique(),
      role: k.text("role", { enum: HOUSEHOLD_ROLES }).notNull(),
      /** Account ids, kept for the record (no foreign key: an account may be removed later). */
      createdBy: k.text("created_by"),
      expiresAt: k.text("expires_at").notNull(),
      usedAt: k.text("used_at"),
      usedBy: k.text("used_by"),
      createdAt: timestamps.createdAt,
    },
    (table) => [k.index("household_invitations_household_idx").on(table.householdId)],
  );

  /**
   * The people a household plans for, each with their own profile (the fields of
   * `profiles`). Some have a login (`account_id`, one person per account; no foreign key,
   * like `created_by` above, so test and removed accounts leave the person in place), some
   * do not (a child, a parent who does not use the app). `is_default` is true while the
   * profile holds the defaults nobody has chosen yet.
   */
  const people = k.table(
    "people",
    {
      id: k.text("id").primaryKey(),
      householdId: k
        .text("household_id")
        .notNull()
        .references(() => owners.id, { onDelete: "cascade" }),
      name: k.text("name").notNull(),
      accountId: k.text("account_id"),
      ageYears: k.float("age_years").notNull(),
      sex: k.text("sex", { enum: SEXES }).notNull(),
      pregnant: k.bool("pregnant").notNull().default(false),
      breastfeeding: k.bool("breastfeeding").notNull().default(false),
      diet: k.text("diet", { enum: DIETS }).notNull(),
      standard: k.text("standard", { enum: REFERENCE_STANDARDS }).notNull(),
      conditions: k.json("conditions").$type<Condition[]>().notNull().default(sql`'[]'`),
      isDefault: k.bool("is_default").notNull().default(false),
      ...timestamps,
    },
    (table) => [
      k.index("people_household_idx").on(table.householdId, table.createdAt),
      k.uniqueIndex("people_account_unique").on(table.householdId, table.accountId),
    ],
  );

  /** Who eats a plan, and how much of each meal (1 = the plan's amounts, 0.5 = half). */
  const planEaters = k.table(
    "plan_eaters",
    {
      planId: k
        .text("plan_id")
        .notNull()
        .references(() => plans.id, { onDelete: "cascade" }),
      personId: k
        .text("person_id")
        .notNull()
        .references(() => people.id, { onDelete: "cascade" }),
      portionFactor: k.float("portion_factor").notNull().default(1),
      position: k.int("position").notNull().default(0),
    },
    (table) => [
      k.primaryKey({ columns: [table.planId, table.personId] }),
      k.index("plan_eaters_person_idx").on(table.personId),
    ],
  );

  /*
   * Recipes (issue 16). A recipe belongs to a household (owners row); its ingredients are
   * foods with an amount, or lines kept as text when no food matched. An ingredient without
   * a food or without grams counts as unknown B12: the recipe's total is then a lower bound.
   */
  const recipes = k.table(
    "recipes",
    {
      id: k.text("id").primaryKey(),
      ownerId: k
        .text("owner_id")
        .notNull()
        .references(() => owners.id, { onDelete: "cascade" }),
      name: k.text("name").notNull(),
      /** The yield: how many servings the ingredients make (> 0). */
      servings: k.float("servings").notNull(),
      steps: k.text("steps"),
      notes: k.text("notes"),
      ...timestamps,
    },
    (table) => [k.index("recipes_owner_idx").on(table.ownerId, table.name)],
  );

  /**
   * One line of a recipe. `text` is the line as written (or a label); `foodId` null keeps an
   * unmatched line as text. `grams` is null when unmatched or not convertible (unknown B12).
   */
  const recipeIngredients = k.table(
    "recipe_ingredients",
    {
      id: k.text("id").primaryKey(),
      recipeId: k
        .text("recipe_id")
        .notNull()
        .references(() => recipes.id, { onDelete: "cascade" }),
      position: k.int("position").notNull(),
      text: k.text("text").notNull(),
      foodId: k.text("food_id").references(() => foods.id, { onDelete: "restrict" }),
      portionId: k.text("portion_id").references(() => foodPortions.id, { onDelete: "set null" }),
      quantity: k.float("quantity"),
      grams: k.float("grams"),
    },
    (table) => [
      k.index("recipe_ingredients_recipe_idx").on(table.recipeId, table.position),
      k.index("recipe_ingredients_food_idx").on(table.foodId),
      k.index("recipe_ingredients_portion_idx").on(table.portionId),
    ],
  );

  /**
   * A dish: a recipe eaten in a meal of a plan day, `servings` of it. Ordered with the meal's
   * plain entries (one position sequence per meal, shared with plan_entries). The service
   * deletes a recipe in use only when asked to remove its dishes too; the cascade here keeps
   * a household's deletion (plans and recipes going at once) free of ordering traps.
   */
  const planRecipes = k.table(
    "plan_recipes",
    {
      id: k.text("id").primaryKey(),
      planId: k
        .text("plan_id")
        .notNull()
        .references(() => plans.id, { onDelete: "cascade" }),
      day: k.int("day").notNull(),
      meal: k.text("meal", { enum: MEALS }).notNull(),
      recipeId: k
        .text("recipe_id")
        .notNull()
        .references(() => recipes.id, { onDelete: "cascade" }),
      servings: k.float("servings").notNull(),
      position: k.int("position").notNull(),
      ...timestamps,
    },
    (table) => [
      k.index("plan_recipes_plan_idx").on(table.planId, table.day, table.meal, table.position),
      k.index("plan_recipes_recipe_idx").on(table.recipeId),
    ],
  );

  return {
    owners,
    foodGroups,
    foods,
    foodPortions,
    dietOverrides,
    favoriteFoods,
    profiles,
    plans,
    planEntries,
    removedPlanEntries,
    planSupplements,
    shoppingPreferences,
    shoppingMarks,
    shoppingExtras,
    shoppingAisleChoices,
    appMeta,
    authUsers,
    authSessions,
    authAccounts,
    authVerifications,
    authPasskeys,
    authRateLimits,
    householdMembers,
    householdInvitations,
    people,
    planEaters,
    recipes,
    recipeIngredients,
    planRecipes,
  };
}
