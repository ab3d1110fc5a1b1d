/**
 * The shopping list downloads (`shopping-list.csv`, `shopping-list.md`): plain GET
 * routes a browser saves. They call shopping.list through the server caller (the same
 * validation, ownership check and aggregation as the page) and render it with the pure
 * exporters. The owner comes from the request's session (no session → 401). Bad input
 * answers 400, an unknown plan (or another household's) 404, a database that cannot be
 * reached 503, all as JSON; never a 500.
 */
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { ZodError } from "zod";
import type { ShoppingDocument } from "@/server/domain/shopping-export";
import { AppError } from "@/server/errors";
import { parseDownloadQuery } from "@/server/schemas/shopping";
import { createRequestContext } from "@/server/trpc/init";
import { createCaller } from "@/server/trpc/root";

/** `filename` (ASCII fallback) and `filename*` (RFC 5987, UTF-8) for a plan's list. */
export function contentDisposition(planName: string, extension: string): string {
  const ascii =
    planName
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .toLowerCase() || "plan";
  const unicode = `Shopping list - ${planName.replace(/[\\/:*?"<>|\p{Cc}]+/gu, " ").trim()}.${extension}`;
  const encoded = encodeURIComponent(unicode).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="shopping-list-${ascii}.${extension}"; filename*=UTF-8''${encoded}`;
}

function errorResponse(error: unknown): Response {
  if (error instanceof TRPCError) {
    const status = getHTTPStatusCodeFromError(error);
    // 4xx, and 503 when the database cannot be reached (server/trpc/init.ts): said as is.
    if (status < 500 || error.code === "SERVICE_UNAVAILABLE") {
      const cause = error.cause;
      const field =
        cause instanceof AppError
          ? cause.field
          : cause instanceof ZodError
            ? (cause.issues[0]?.path.join(".") ?? null)
            : null;
      return Response.json(
        { error: { code: error.code, message: error.message, field } },
        { status, headers: { "cache-control": "no-store" } },
      );
    }
  }
  console.error("shopping list download failed:", error);
  return Response.json(
    { error: { code: "INTERNAL_SERVER_ERROR", message: "Something went wrong on the server." } },
    { status: 500 },
  );
}

export async function shoppingDownload(
  request: Request,
  planId: string,
  format: {
    extension: string;
    contentType: string;
    render: (document: ShoppingDocument) => string;
  },
): Promise<Response> {
  try {
    const input = parseDownloadQuery(planId, new URL(request.url).searchParams);
    const list = await createCaller(() => createRequestContext(request)).shopping.list(
      input as never,
    );
    const body = format.render({
      planName: list.plan.name,
      preferences: list.preferences,
      lines: list.aisles.flatMap((group) => group.lines),
      extras: list.extras,
    });
    return new Response(body, {
      headers: {
        "content-type": format.contentType,
        "content-disposition": contentDisposition(list.plan.name, format.extension),
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
