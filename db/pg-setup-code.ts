/**
 * The first account's one-time setup code on PostgreSQL (issue 17), the same rule as
 * `issueSetupCode` in server/services/households.ts (whose queries run on SQLite only so
 * far): until an account exists, each start stores the hash of a new code in app_meta (the previous code
 * stops working) and returns the code; once one exists, the stored hash is removed.
 * Two direct statements, so it needs no PostgreSQL services.
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
