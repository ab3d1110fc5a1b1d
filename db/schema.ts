/**
 * Drizzle schema: the one description of the SQLite database.
 *
 * Shared reference data (USDA SR28 foods, curated fortified foods) has no owner;
 * everything a person creates (custom foods, diet corrections, later plans) carries an
 * owner id, so accounts can come later without reshaping the data. Nutrient values are
 * per 100 g of edible portion, as in SR28; null means "not known", never zero.
 *
 * The FTS5 search index (`foods_fts`) and the triggers that keep it in step with
 * `foods` are created by a hand-written migration: drizzle-kit does not model virtual
 * tables.
 */
import { sql } from "drizzle-orm";
import {
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
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

const timestamps = {
  createdAt: text("created_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
  updatedAt: text("updated_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
};

export const owners = sqliteTable("owners", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  createdAt: timestamps.createdAt,
});

export const foodGroups = sqliteTable("food_groups", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
});

export const foods = sqliteTable(
  "foods",
  {
    /** Integer key: the FTS5 index's rowid points here (stable, unlike an implicit rowid). */
    key: integer("key").primaryKey({ autoIncrement: true }),
    /** Public id: `sr28-01001`, `curated-…`, `custom-…`. */
    id: text("id").notNull(),
    source: text("source", { enum: FOOD_SOURCES }).notNull(),
    ndbNumber: text("ndb_number"),
    name: text("name").notNull(),
    /** Extra words the search index knows this food by (e.g. "soy milk" for "Soymilk"). */
    searchKeywords: text("search_keywords").notNull().default(""),
    /** What the name says the food is, `|egg|whole egg|` (server/domain/search-ranking.ts). */
    searchHeads: text("search_heads").notNull().default(""),
    /** Query-independent rank, lower = plainer and more everyday (search-ranking.ts). */
    searchPrior: integer("search_prior").notNull().default(0),
    /** SR28 FOOD_DES "Survey": used in the US national dietary survey (an everyday food). */
    survey: integer("survey", { mode: "boolean" }).notNull().default(false),
    groupCode: text("group_code").references(() => foodGroups.code),
    manufacturer: text("manufacturer"),
    commonName: text("common_name"),
    scientificName: text("scientific_name"),
    b12PerHundredGrams: real("b12_per_100g"),
    b12AddedPerHundredGrams: real("b12_added_per_100g"),
    energyKcalPerHundredGrams: real("energy_kcal_per_100g"),
    proteinGramsPerHundredGrams: real("protein_g_per_100g"),
    fatGramsPerHundredGrams: real("fat_g_per_100g"),
    carbohydrateGramsPerHundredGrams: real("carbohydrate_g_per_100g"),
    fibreGramsPerHundredGrams: real("fibre_g_per_100g"),
    /** Diet as classified at import (or chosen by the owner of a custom food). */
    diet: text("diet", { enum: DIETS }).notNull(),
    dietReason: text("diet_reason").notNull(),
    b12Fortified: integer("b12_fortified", { mode: "boolean" }).notNull(),
    fortifiedReason: text("fortified_reason"),
    /** Where a curated figure comes from, and that it is a typical label value. */
    sourceNote: text("source_note"),
    typicalLabelValue: integer("typical_label_value", { mode: "boolean" }).notNull().default(false),
    /** Custom foods: what the person typed from the label, so the edit form shows it back. */
    labelServingGrams: real("label_serving_grams"),
    labelB12Micrograms: real("label_b12_micrograms"),
    labelPercentDailyValue: real("label_percent_daily_value"),
    labelEdition: text("label_edition", { enum: LABEL_EDITIONS }),
    ownerId: text("owner_id").references(() => owners.id, { onDelete: "cascade" }),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("foods_id_unique").on(table.id),
    uniqueIndex("foods_ndb_number_unique").on(table.ndbNumber),
    index("foods_group_idx").on(table.groupCode),
    index("foods_owner_idx").on(table.ownerId),
    index("foods_b12_idx").on(table.b12PerHundredGrams),
    // Shopping lists find a prepared food's raw form by exact name (shopping-sources.ts).
    index("foods_name_idx").on(table.name),
  ],
);

export const foodPortions = sqliteTable(
  "food_portions",
  {
    /** `${foodId}:${seq}`: stable across re-imports so saved references keep working. */
    id: text("id").primaryKey(),
    foodId: text("food_id")
      .notNull()
      .references(() => foods.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    amount: real("amount").notNull(),
    unit: text("unit").notNull(),
    label: text("label").notNull(),
    /** Grams for `amount` × `unit`. */
    grams: real("grams").notNull(),
  },
  (table) => [uniqueIndex("food_portions_food_seq_unique").on(table.foodId, table.seq)],
);

/** A person's correction of a food's diet; kept apart from `foods` so re-imports keep it. */
export const dietOverrides = sqliteTable(
  "diet_overrides",
  {
    ownerId: text("owner_id")
      .notNull()
      .references(() => owners.id, { onDelete: "cascade" }),
    foodId: text("food_id")
      .notNull()
      .references(() => foods.id, { onDelete: "cascade" }),
    diet: text("diet", { enum: DIETS }).notNull(),
    note: text("note"),
    ...timestamps,
  },
  (table) => [
    primaryKey({ columns: [table.ownerId, table.foodId] }),
    // Deleting a food cascades here: found by food id, not a scan per deleted food.
    index("diet_overrides_food_idx").on(table.foodId),
  ],
);

/** Foods a person starred, shown when the search box is empty. */
export const favoriteFoods = sqliteTable(
  "favorite_foods",
  {
    ownerId: text("owner_id")
      .notNull()
      .references(() => owners.id, { onDelete: "cascade" }),
    foodId: text("food_id")
      .notNull()
      .references(() => foods.id, { onDelete: "cascade" }),
    createdAt: timestamps.createdAt,
  },
  (table) => [
    primaryKey({ columns: [table.ownerId, table.foodId] }),
    index("favorite_foods_owner_idx").on(table.ownerId, table.createdAt),
    index("favorite_foods_food_idx").on(table.foodId),
  ],
);

/** One profile per owner: what the B12 target (and later absorption) depends on. */
export const profiles = sqliteTable("profiles", {
  ownerId: text("owner_id")
    .primaryKey()
    .references(() => owners.id, { onDelete: "cascade" }),
  ageYears: real("age_years").notNull(),
  sex: text("sex", { enum: SEXES }).notNull(),
  pregnant: integer("pregnant", { mode: "boolean" }).notNull().default(false),
  breastfeeding: integer("breastfeeding", { mode: "boolean" }).notNull().default(false),
  diet: text("diet", { enum: DIETS }).notNull(),
  standard: text("standard", { enum: REFERENCE_STANDARDS }).notNull(),
  /** JSON array of Condition. */
  conditions: text("conditions", { mode: "json" })
    .$type<Condition[]>()
    .notNull()
    .default(sql`'[]'`),
  ...timestamps,
});

export const plans = sqliteTable(
  "plans",
  {
    id: text("id").primaryKey(),
    ownerId: text("owner_id")
      .notNull()
      .references(() => owners.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    dayCount: integer("day_count").notNull(),
    /** ISO date (YYYY-MM-DD) of day 1, or null for an undated plan. */
    startDate: text("start_date"),
    ...timestamps,
  },
  (table) => [index("plans_owner_idx").on(table.ownerId, table.updatedAt)],
);

/**
 * A food in a meal of a plan day. `grams` is the amount the totals use; when the person
 * chose a household portion, `portionId` and `quantity` say how ("1.5 × 1 cup").
 * Foods in use cannot be deleted (RESTRICT); a vanished portion only loses its label.
 */
export const planEntries = sqliteTable(
  "plan_entries",
  {
    id: text("id").primaryKey(),
    planId: text("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    day: integer("day").notNull(),
    meal: text("meal", { enum: MEALS }).notNull(),
    foodId: text("food_id")
      .notNull()
      .references(() => foods.id, { onDelete: "restrict" }),
    portionId: text("portion_id").references(() => foodPortions.id, { onDelete: "set null" }),
    quantity: real("quantity"),
    grams: real("grams").notNull(),
    /** Order within the meal (ascending). */
    position: integer("position").notNull(),
    ...timestamps,
  },
  (table) => [
    index("plan_entries_plan_idx").on(table.planId, table.day, table.meal, table.position),
    index("plan_entries_food_idx").on(table.foodId),
    // Deleting a portion sets this to null: without an index SQLite scans every entry of
    // every owner once per deleted portion (a custom food's deletion, a restore).
    index("plan_entries_portion_idx").on(table.portionId),
  ],
);

/**
 * Entries removed in the last few minutes, kept so a removal can be undone
 * (plans.restoreEntry). The row is the entry as it was; restoring puts it back under the
 * same id and position. Rows older than the undo window are purged on the next removal.
 */
export const removedPlanEntries = sqliteTable(
  "removed_plan_entries",
  {
    id: text("id").primaryKey(),
    planId: text("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    day: integer("day").notNull(),
    meal: text("meal", { enum: MEALS }).notNull(),
    /** No foreign key: the food may be deleted meanwhile; restoring checks it. */
    foodId: text("food_id").notNull(),
    portionId: text("portion_id"),
    quantity: real("quantity"),
    grams: real("grams").notNull(),
    position: integer("position").notNull(),
    removedAt: text("removed_at").notNull(),
  },
  (table) => [index("removed_plan_entries_removed_idx").on(table.removedAt)],
);

/**
 * A B12 supplement regimen in a plan. It is taken on the plan days its schedule picks:
 * every `everyNDays` days from `firstDay`, or, for dated plans, on the ISO `weekdays`
 * listed (1 = Monday … 7 = Sunday; then `everyNDays` is null). `withMeal` null means
 * taken on its own, apart from meals: its own eating occasion for the absorption model.
 */
export const planSupplements = sqliteTable(
  "plan_supplements",
  {
    id: text("id").primaryKey(),
    planId: text("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    doseMicrograms: real("dose_micrograms").notNull(),
    form: text("form", { enum: SUPPLEMENT_FORMS }).notNull(),
    compound: text("compound", { enum: SUPPLEMENT_COMPOUNDS }).notNull().default("cyanocobalamin"),
    everyNDays: integer("every_n_days"),
    firstDay: integer("first_day").notNull().default(1),
    /** JSON array of ISO weekdays (1-7), or null. */
    weekdays: text("weekdays", { mode: "json" }).$type<number[]>(),
    withMeal: text("with_meal", { enum: MEALS }),
    note: text("note"),
    ...timestamps,
  },
  (table) => [index("plan_supplements_plan_idx").on(table.planId)],
);

/** How a plan's shopping list is shown: household size, units and the range of days. */
export const shoppingPreferences = sqliteTable("shopping_preferences", {
  planId: text("plan_id")
    .primaryKey()
    .references(() => plans.id, { onDelete: "cascade" }),
  servings: integer("servings").notNull().default(1),
  unitSystem: text("unit_system", { enum: UNIT_SYSTEMS }).notNull().default("metric"),
  fromDay: integer("from_day"),
  toDay: integer("to_day"),
  ...timestamps,
});

/**
 * Per-line shopping state. `itemKey` names a line: a food id, `supplement:<id>` or
 * `extra:<id>`. Ticked lines and "already have" lines are kept, never deleted by use.
 */
export const shoppingMarks = sqliteTable(
  "shopping_marks",
  {
    planId: text("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    itemKey: text("item_key").notNull(),
    checked: integer("checked", { mode: "boolean" }).notNull().default(false),
    inPantry: integer("in_pantry", { mode: "boolean" }).notNull().default(false),
    updatedAt: timestamps.updatedAt,
  },
  (table) => [primaryKey({ columns: [table.planId, table.itemKey] })],
);

/** Free-text items a person adds to a plan's shopping list ("kitchen roll"). */
export const shoppingExtras = sqliteTable(
  "shopping_extras",
  {
    id: text("id").primaryKey(),
    planId: text("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    position: integer("position").notNull(),
    ...timestamps,
  },
  (table) => [index("shopping_extras_plan_idx").on(table.planId, table.position)],
);

/**
 * Aisles a person moved foods to on a shopping list ("tofu goes with the chilled foods in
 * my shop"), remembered per owner for every plan. `aisle` is one of `AISLES`
 * (server/domain/shopping.ts); the food id is not a foreign key, so a choice survives a
 * re-import and a custom food's deletion simply leaves an unused row.
 */
export const shoppingAisleChoices = sqliteTable(
  "shopping_aisle_choices",
  {
    ownerId: text("owner_id")
      .notNull()
      .references(() => owners.id, { onDelete: "cascade" }),
    foodId: text("food_id").notNull(),
    aisle: text("aisle").notNull(),
    updatedAt: timestamps.updatedAt,
  },
  (table) => [primaryKey({ columns: [table.ownerId, table.foodId] })],
);

/** Small key/value facts about the database itself (e.g. the fingerprint of the last import). */
export const appMeta = sqliteTable("app_meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
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
  createdAt: integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .$defaultFn(() => new Date()),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .$defaultFn(() => new Date()),
};

export const authUsers = sqliteTable("auth_users", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  emailVerified: integer("email_verified", { mode: "boolean" }).notNull().default(false),
  image: text("image"),
  ...authTimestamps,
});

export const authSessions = sqliteTable(
  "auth_sessions",
  {
    id: text("id").primaryKey(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    token: text("token").notNull().unique(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    userId: text("user_id")
      .notNull()
      .references(() => authUsers.id, { onDelete: "cascade" }),
    ...authTimestamps,
  },
  (table) => [index("auth_sessions_user_idx").on(table.userId)],
);

export const authAccounts = sqliteTable(
  "auth_accounts",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => authUsers.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: integer("access_token_expires_at", { mode: "timestamp_ms" }),
    refreshTokenExpiresAt: integer("refresh_token_expires_at", { mode: "timestamp_ms" }),
    scope: text("scope"),
    password: text("password"),
    ...authTimestamps,
  },
  (table) => [index("auth_accounts_user_idx").on(table.userId)],
);

export const authVerifications = sqliteTable(
  "auth_verifications",
  {
    id: text("id").primaryKey(),
    identifier: text("identifier").notNull(),
    value: text("value").notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    ...authTimestamps,
  },
  (table) => [index("auth_verifications_identifier_idx").on(table.identifier)],
);

export const authPasskeys = sqliteTable(
  "auth_passkeys",
  {
    id: text("id").primaryKey(),
    name: text("name"),
    publicKey: text("public_key").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => authUsers.id, { onDelete: "cascade" }),
    credentialID: text("credential_id").notNull(),
    counter: integer("counter").notNull(),
    deviceType: text("device_type").notNull(),
    backedUp: integer("backed_up", { mode: "boolean" }).notNull(),
    transports: text("transports"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }),
    aaguid: text("aaguid"),
  },
  (table) => [
    index("auth_passkeys_user_idx").on(table.userId),
    index("auth_passkeys_credential_idx").on(table.credentialID),
  ],
);

/** Which household (owners row) an account belongs to, and what it may do there. */
export const householdMembers = sqliteTable(
  "household_members",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => authUsers.id, { onDelete: "cascade" }),
    householdId: text("household_id")
      .notNull()
      .references(() => owners.id, { onDelete: "cascade" }),
    role: text("role", { enum: HOUSEHOLD_ROLES }).notNull(),
    createdAt: timestamps.createdAt,
  },
  (table) => [index("household_members_household_idx").on(table.householdId)],
);

/**
 * An invitation link: only the SHA-256 of its token is stored, so a copy of the database
 * does not hold usable links. Used once, before `expires_at` (ISO timestamp).
 */
export const householdInvitations = sqliteTable(
  "household_invitations",
  {
    id: text("id").primaryKey(),
    householdId: text("household_id")
      .notNull()
      .references(() => owners.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    role: text("role", { enum: HOUSEHOLD_ROLES }).notNull(),
    /** Account ids, kept for the record (no foreign key: an account may be removed later). */
    createdBy: text("created_by"),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
    usedBy: text("used_by"),
    createdAt: timestamps.createdAt,
  },
  (table) => [index("household_invitations_household_idx").on(table.householdId)],
);

/**
 * The people a household plans for, each with their own profile (the fields of
 * `profiles`). Some have a login (`account_id`, one person per account; no foreign key,
 * like `created_by` above, so test and removed accounts leave the person in place), some
 * do not (a child, a parent who does not use the app). `is_default` is true while the
 * profile holds the defaults nobody has chosen yet.
 */
export const people = sqliteTable(
  "people",
  {
    id: text("id").primaryKey(),
    householdId: text("household_id")
      .notNull()
      .references(() => owners.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    accountId: text("account_id"),
    ageYears: real("age_years").notNull(),
    sex: text("sex", { enum: SEXES }).notNull(),
    pregnant: integer("pregnant", { mode: "boolean" }).notNull().default(false),
    breastfeeding: integer("breastfeeding", { mode: "boolean" }).notNull().default(false),
    diet: text("diet", { enum: DIETS }).notNull(),
    standard: text("standard", { enum: REFERENCE_STANDARDS }).notNull(),
    conditions: text("conditions", { mode: "json" })
      .$type<Condition[]>()
      .notNull()
      .default(sql`'[]'`),
    isDefault: integer("is_default", { mode: "boolean" }).notNull().default(false),
    ...timestamps,
  },
  (table) => [
    index("people_household_idx").on(table.householdId, table.createdAt),
    uniqueIndex("people_account_unique").on(table.householdId, table.accountId),
  ],
);

/** Who eats a plan, and how much of each meal (1 = the plan's amounts, 0.5 = half). */
export const planEaters = sqliteTable(
  "plan_eaters",
  {
    planId: text("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    personId: text("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    portionFactor: real("portion_factor").notNull().default(1),
    position: integer("position").notNull().default(0),
  },
  (table) => [
    primaryKey({ columns: [table.planId, table.personId] }),
    index("plan_eaters_person_idx").on(table.personId),
  ],
);

/*
 * Recipes (issue 16). A recipe belongs to a household (owners row); its ingredients are
 * foods with an amount, or lines kept as text when no food matched. An ingredient without
 * a food or without grams counts as unknown B12: the recipe's total is then a lower bound.
 */
export const recipes = sqliteTable(
  "recipes",
  {
    id: text("id").primaryKey(),
    ownerId: text("owner_id")
      .notNull()
      .references(() => owners.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** The yield: how many servings the ingredients make (> 0). */
    servings: real("servings").notNull(),
    steps: text("steps"),
    notes: text("notes"),
    ...timestamps,
  },
  (table) => [index("recipes_owner_idx").on(table.ownerId, table.name)],
);

/**
 * One line of a recipe. `text` is the line as written (or a label); `foodId` null keeps an
 * unmatched line as text. `grams` is null when unmatched or not convertible (unknown B12).
 */
export const recipeIngredients = sqliteTable(
  "recipe_ingredients",
  {
    id: text("id").primaryKey(),
    recipeId: text("recipe_id")
      .notNull()
      .references(() => recipes.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    text: text("text").notNull(),
    foodId: text("food_id").references(() => foods.id, { onDelete: "restrict" }),
    portionId: text("portion_id").references(() => foodPortions.id, { onDelete: "set null" }),
    quantity: real("quantity"),
    grams: real("grams"),
  },
  (table) => [
    index("recipe_ingredients_recipe_idx").on(table.recipeId, table.position),
    index("recipe_ingredients_food_idx").on(table.foodId),
    index("recipe_ingredients_portion_idx").on(table.portionId),
  ],
);

/**
 * A dish: a recipe eaten in a meal of a plan day, `servings` of it. Ordered with the meal's
 * plain entries (one position sequence per meal, shared with plan_entries). The service
 * deletes a recipe in use only when asked to remove its dishes too; the cascade here keeps
 * a household's deletion (plans and recipes going at once) free of ordering traps.
 */
export const planRecipes = sqliteTable(
  "plan_recipes",
  {
    id: text("id").primaryKey(),
    planId: text("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    day: integer("day").notNull(),
    meal: text("meal", { enum: MEALS }).notNull(),
    recipeId: text("recipe_id")
      .notNull()
      .references(() => recipes.id, { onDelete: "cascade" }),
    servings: real("servings").notNull(),
    position: integer("position").notNull(),
    ...timestamps,
  },
  (table) => [
    index("plan_recipes_plan_idx").on(table.planId, table.day, table.meal, table.position),
    index("plan_recipes_recipe_idx").on(table.recipeId),
  ],
);
