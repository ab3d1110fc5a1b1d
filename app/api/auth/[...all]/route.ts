/** better-auth's endpoints: /api/auth/sign-up/email, /api/auth/sign-in/email, passkeys, OIDC … */
import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/server/auth/auth";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const handle = async (request: Request) => (await getAuth()).handler(request);

export const { GET, POST } = toNextJsHandler(handle);
