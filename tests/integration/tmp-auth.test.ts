import { it, expect } from "vitest";
import { createTestDatabase } from "../factories/database";
import { createTestAuth } from "../factories/accounts";
it("works", async () => {
  const t = createTestDatabase({ seed: false });
  const a = createTestAuth(t.db);
  const r = await a.signUp("a@example.org");
  console.log(r.response.status, await r.response.clone().text(), r.cookie);
  const c = a.callerFor(r.cookie);
  console.log(await c.plans.list());
  const r2 = await a.signUp("b@example.org");
  console.log(r2.response.status, await r2.response.text());
  console.log(await a.callerFor("").plans.list().catch(e => e.code));
});
