/**
 * `npm run db:copy -- --from data/b12.db --to postgres://…` (issue 17;
 * docs/postgresql-design.md, section 6): moves a SQLite installation to PostgreSQL.
 *
 * - The source is opened read-only and must be migrated to the app's current schema; the
 *   target must be migrated (db/migrations-pg) and hold no user rows (only what db:setup
 *   writes: the food import, the `local` owners row, app_meta), unless `replace` is given.
 * - One PostgreSQL transaction, under the set-up advisory lock: every table emptied
 *   (TRUNCATE … RESTART IDENTITY), then copied in foreign-key order (taken from the
 *   schema's foreign keys) in batches, each value through the PostgreSQL column's own
 *   mapping (drizzle: 0/1 → boolean, JSON text → jsonb, ms → timestamptz); foods keep
 *   their `key` values and the identity continues after the largest (`setval`).
 *   `search_tokens` / `search_name_tokens`, which SQLite does not have, are computed for
 *   every food with foodSearchTokens; when the copied import fingerprint is the current
 *   data's, the PostgreSQL fingerprint is stored so the next db:setup does not re-import.
 * - Verified before commit, per table: the row count and a checksum of the content (every
 *   row read back through the PostgreSQL schema, canonical JSON, sorted, SHA-256) equal to
 *   the source's read through the SQLite schema. Any difference rolls back.
 *   What people see (plan totals, searches) is compared afterwards by scripts/db-copy.ts,
 *   through the services on both databases.
 */
import { createHash } from "node:crypto";
import BetterSqlite3 from "better-sqlite3";
import { is } from "drizzle-orm";
import { drizzle as drizzleSqlite } from "drizzle-orm/better-sqlite3";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { foodSearchTokens } from "../server/domain/search-tokens";
import { MIGRATIONS_FOLDER } from "./client";
import { FINGERPRINT_KEY, prepareImport, readImportSources } from "./import/import-foods";
import { preparePgImport } from "./import/import-foods-pg";
import { POSTGRES_MIGRATIONS_FOLDER, type PostgresDatabase, withSetupLock } from "./pg-client";
import * as pgSchema from "./schema.pg";
import * as sqliteSchema from "./schema.sqlite";

export type TableCopy = {
  table: string;
  sqliteRows: number;
  postgresRows: number;
  checksumsEqual: boolean;
};

export type CopyResult = { ok: boolean; tables: TableCopy[]; fingerprintKept: boolean };

export class CopyRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CopyRefusedError";
  }
}

const BATCH_ROWS = 500;

/** name → [pg table, sqlite table], in foreign-key order (referenced tables first). */
function tablesInForeignKeyOrder(): { name: string; pg: PgTable; sqlite: unknown; key: string }[] {
  const byName = new Map<string, { pg: PgTable; key: string }>();
  for (const [key, value] of Object.entries(pgSchema)) {
    if (is(value, PgTable)) byName.set(getTableConfig(value).name, { pg: value, key });
  }
  const order: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (order.includes(name) || visiting.has(name)) return;
    visiting.add(name);
    const entry = byName.get(name);
    if (!entry) throw new Error(`db:copy: unknown table ${name}`);
    for (const foreignKey of getTableConfig(entry.pg).foreignKeys) {
      const target = getTableConfig(foreignKey.reference().foreignTable).name;
      if (target !== name) visit(target);
    }
    visiting.delete(name);
    order.push(name);
  };
  for (const name of [...byName.keys()].sort()) visit(name);
  return order.map((name) => {
    const entry = byName.get(name) as { pg: PgTable; key: string };
    const sqlite = (sqliteSchema as Record<string, unknown>)[entry.key];
    if (!sqlite) throw new Error(`db:copy: ${entry.key} is not in db/schema.ts`);
    return { name, pg: entry.pg, sqlite, key: entry.key };
  });
}

/** JSON with sorted object keys and Dates as ISO text: equal content, equal text. */
function canonical(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

function checksum(rows: readonly Record<string, unknown>[]): string {
  const lines = rows.map(canonical).sort();
  const hash = createHash("sha256");
  for (const line of lines) hash.update(line).update("\n");
  return hash.digest("hex");
}

/** Copies the SQLite database at `fromPath` into the PostgreSQL database `target`. */
export async function copySqliteToPostgres(
  fromPath: string,
  target: PostgresDatabase,
  options: { replace?: boolean; log?: (line: string) => void } = {},
): Promise<CopyResult> {
  const log = options.log ?? (() => {});
  const source = new BetterSqlite3(fromPath, { readonly: true, fileMustExist: true });
  try {
    const sourceDb = drizzleSqlite(source, { schema: sqliteSchema });
    // The source must have the current schema (the copy reads every column the app knows).
    const expectedSqlite = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).length;
    const appliedSqlite = (
      source
        .prepare(
          `SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'`,
        )
        .get() as { n: number }
    ).n
      ? (source.prepare(`SELECT count(*) AS n FROM __drizzle_migrations`).get() as { n: number }).n
      : 0;
    if (appliedSqlite !== expectedSqlite) {
      throw new CopyRefusedError(
        `the SQLite database has ${appliedSqlite} of ${expectedSqlite} migrations: run npm run db:setup with DATABASE_PATH=${fromPath} first`,
      );
    }
    const tables = tablesInForeignKeyOrder();

    return await withSetupLock(target, async (client) => {
      const expectedPg = readMigrationFiles({
        migrationsFolder: POSTGRES_MIGRATIONS_FOLDER,
      }).length;
      const appliedPg = await client.query<{ n: number }>(
        `SELECT CASE WHEN to_regclass('drizzle.__drizzle_migrations') IS NULL THEN 0
                ELSE (SELECT count(*)::int FROM drizzle.__drizzle_migrations) END AS n`,
      );
      if (appliedPg.rows[0]?.n !== expectedPg) {
        throw new CopyRefusedError(
          `the PostgreSQL database has ${appliedPg.rows[0]?.n ?? 0} of ${expectedPg} migrations: run npm run db:setup with DATABASE_URL set to it first`,
        );
      }
      if (!options.replace) {
        const userRows: string[] = [];
        for (const { name } of tables) {
          const where =
            name === "owners"
              ? `WHERE id <> 'local'`
              : name === "foods"
                ? `WHERE source = 'custom'`
                : ["food_groups", "food_portions", "app_meta"].includes(name)
                  ? null
                  : "";
          if (where === null) continue;
          const found = await client.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM "${name}" ${where}`,
          );
          if ((found.rows[0]?.n ?? 0) > 0) userRows.push(`${name} (${found.rows[0]?.n})`);
        }
        if (userRows.length > 0) {
          throw new CopyRefusedError(
            `the PostgreSQL database already holds user rows: ${userRows.join(", ")}; pass --replace to overwrite them`,
          );
        }
      }

      const tx = drizzlePg(client, { schema: pgSchema });
      await client.query("BEGIN");
      try {
        await client.query(
          `TRUNCATE ${tables.map(({ name }) => `"${name}"`).join(", ")} RESTART IDENTITY CASCADE`,
        );
        const sourceRows = new Map<string, Record<string, unknown>[]>();
        for (const { name, pg, sqlite } of tables) {
          const rows = sourceDb
            .select()
            .from(sqlite as typeof sqliteSchema.owners)
            .all() as Record<string, unknown>[];
          sourceRows.set(name, rows);
          for (let start = 0; start < rows.length; start += BATCH_ROWS) {
            await tx.insert(pg).values(rows.slice(start, start + BATCH_ROWS) as never);
          }
          log(`  ${name.padEnd(28)} ${String(rows.length).padStart(7)} rows`);
        }
        await client.query(
          `SELECT setval(pg_get_serial_sequence('foods', 'key'), GREATEST(
             (SELECT max(key) FROM foods),
             $1::bigint), true)`,
          [sqliteSequence(source, "foods")],
        );

        // Search tokens for every food (SQLite keeps them in its FTS5 index instead).
        const foods = await client.query<{ key: number; name: string; search_keywords: string }>(
          `SELECT key, name, search_keywords FROM foods`,
        );
        const tokens = foods.rows.map((food) => foodSearchTokens(food.name, food.search_keywords));
        await client.query(
          `UPDATE foods AS f SET search_tokens = v.tokens, search_name_tokens = v.name_tokens
             FROM unnest($1::integer[], $2::text[], $3::integer[]) AS v(key, tokens, name_tokens)
            WHERE f.key = v.key`,
          [
            foods.rows.map((food) => food.key),
            tokens.map((t) => t.tokens),
            tokens.map((t) => t.nameTokenCount),
          ],
        );

        // The import fingerprint: PostgreSQL's covers the search tokens too.
        let fingerprintKept = false;
        const copiedFingerprint = (
          source.prepare(`SELECT value FROM app_meta WHERE key = ?`).get(FINGERPRINT_KEY) as
            | { value: string }
            | undefined
        )?.value;
        if (copiedFingerprint) {
          const prepared = preparePgImport(prepareImport(readImportSources()));
          if (prepared.fingerprint === copiedFingerprint) {
            await client.query(`UPDATE app_meta SET value = $2 WHERE key = $1`, [
              FINGERPRINT_KEY,
              prepared.pgFingerprint,
            ]);
            fingerprintKept = true;
          }
        }

        // Verify inside the transaction: counts and content, per table.
        const report: TableCopy[] = [];
        for (const { name, pg } of tables) {
          const copied = (await tx.select().from(pg as typeof pgSchema.owners)) as Record<
            string,
            unknown
          >[];
          let original = sourceRows.get(name) ?? [];
          let back = copied;
          if (name === "app_meta") {
            // The fingerprint is rewritten on purpose (above); compare the rest.
            original = original.filter((row) => row.key !== FINGERPRINT_KEY);
            back = back.filter((row) => row.key !== FINGERPRINT_KEY);
          }
          report.push({
            table: name,
            sqliteRows: (sourceRows.get(name) ?? []).length,
            postgresRows: copied.length,
            checksumsEqual: checksum(original) === checksum(back),
          });
        }
        const ok = report.every((row) => row.sqliteRows === row.postgresRows && row.checksumsEqual);
        await client.query(ok ? "COMMIT" : "ROLLBACK");
        return { ok, tables: report, fingerprintKept };
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      }
    });
  } finally {
    source.close();
  }
}

/** SQLite's AUTOINCREMENT high-water mark for a table (keys are never reused). */
function sqliteSequence(source: BetterSqlite3.Database, table: string): number {
  const row = source.prepare(`SELECT seq FROM sqlite_sequence WHERE name = ?`).get(table) as
    | { seq: number }
    | undefined;
  return Math.max(1, row?.seq ?? 1);
}
