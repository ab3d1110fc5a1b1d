/**
 * Next.js proxy (formerly middleware): the sign-in gate (server/auth/gate.ts). Issue 14's
 * host allow-list and security headers join this file at merge.
 */
import { type NextRequest, NextResponse } from "next/server";
import { gateRequest } from "./server/auth/gate";

export function proxy(request: NextRequest) {
  return gateRequest(request) ?? NextResponse.next();
}

export const config = {
  matcher: ["/((?!_next/static|_next/image).*)"],
};
