/** GET /api/plans/[planId]/shopping-list.csv?servings=&from=&to=&units=: the list as CSV. */
import { renderShoppingCsv } from "@/server/domain/shopping-export";
import { shoppingDownload } from "../shopping-download";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ planId: string }> }) {
  const { planId } = await context.params;
  return shoppingDownload(request, planId, {
    extension: "csv",
    contentType: "text/csv; charset=utf-8",
    render: renderShoppingCsv,
  });
}
