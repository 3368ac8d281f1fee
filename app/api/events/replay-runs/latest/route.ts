import { apiRoute } from "@/lib/api/handler";
import { getLatestRun } from "@/lib/replay/reverify-run";

export const dynamic = "force-dynamic";

// The latest bulk re-verification of rejected requests, for the page's progress (polled while it runs).
export const GET = apiRoute(async ({ db }) => ({ run: await getLatestRun(db) }), {
  roles: ["admin"],
  sessionOnly: true,
});
