/** GET /api/plans/[planId]/shopping-list.md?servings=&from=&to=&units=: the list as Markdown. */
import { renderShoppingMarkdown } from "@/server/domain/shopping-export";
import { shoppingDownload } from "../shopping-download";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ planId: string }> }) {
  const { planId } = await context.params;
  return shoppingDownload(request, planId, {
    extension: "md",
    contentType: "text/markdown; charset=utf-8",
    render: renderShoppingMarkdown,
  });
}
