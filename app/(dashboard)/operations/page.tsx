// How the webhook endpoints are doing over a range (?range=1h|24h|7d): from the per-minute request rollup,
// never a count over the request log. While the database is down, what this instance knows in memory.
import type { Metadata } from "next";
import { createSearchParamsCache } from "nuqs/server";
import { PageHeader } from "@/components/shell/page-header";
import { DatabaseDown } from "@/components/operations/database-down";
import { OperationsView } from "@/components/operations/operations-view";
import { requirePageUser } from "@/lib/auth/require-page-user";
import { DatabaseUnavailableError } from "@/lib/db/runtime";
import { readUnavailableCount } from "@/lib/ingest/unavailable-count";
import { operationsSearchParams } from "@/lib/operations/search-params";
import { getConfigurationOverview } from "@/lib/queries/get-configuration-overview";
import { getOperations } from "@/lib/queries/operations/get-operations";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Operations" };

const searchParamsCache = createSearchParamsCache(operationsSearchParams);

export default async function OperationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser({ allow: ["admin", "support"] });
  const { range } = searchParamsCache.parse(await searchParams);
  const header = <PageHeader title="Operations" description="How the webhook endpoints are doing." />;
  const data = await getOperations(range).catch((error: unknown) => {
    if (error instanceof DatabaseUnavailableError) return null;
    throw error;
  });
  const isAdmin = user.role === "admin";
  return (
    <>
      {header}
      {data ? (
        <OperationsView data={data} isAdmin={isAdmin} />
      ) : (
        <DatabaseDown
          unavailable={readUnavailableCount()}
          configuration={getConfigurationOverview()}
          isAdmin={isAdmin}
        />
      )}
    </>
  );
}
