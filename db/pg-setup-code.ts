/**
 * The first account's one-time setup code on PostgreSQL, as `npm run db:setup` issues it
 * (scripts/db-setup.ts, on its own one-connection pool): the same rule as
 * `issueSetupCode` in server/services/households.ts, in two direct statements. Until an
 * account exists, each run stores the hash of a new code in app_meta (the previous code
 * stops working) and returns the code; once one exists, the stored hash is removed.
 * tests/integration/accounts.test.ts makes the first account with it on PostgreSQL.
 */
import type pg from "pg";
import { newSetupCode, SETTING_SETUP_CODE_HASH, sha256 } from "../server/services/households";

export async function issueSetupCodePg(client: Pick<pg.Pool, "query">): Promise<string | null> {
  const accounts = await client.query("SELECT 1 FROM auth_users LIMIT 1");
  if (accounts.rows.length > 0) {
    await client.query("DELETE FROM app_meta WHERE key = $1", [SETTING_SETUP_CODE_HASH]);
    return null;
  }
  const code = newSetupCode();
  await client.query(
    `INSERT INTO app_meta (key, value) VALUES ($1, $2)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    [SETTING_SETUP_CODE_HASH, sha256(code)],
  );
  return code;
}
