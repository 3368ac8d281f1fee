import type { Metadata } from "next";
import { Gauge } from "lucide-react";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageUser } from "@/lib/auth/require-page-user";

export const metadata: Metadata = { title: "Operations" };

export default async function OperationsPage() {
  await requirePageUser({ allow: ["admin", "support"] });
  return (
    <>
      <PageHeader title="Operations" description="How the webhook endpoints are doing." />
      <EmptyState icon={<Gauge />} title="Operations metrics are coming">
        Requests per minute, accepted versus rejected, processing time, signature failures, unmatched message
        ids and database errors will be charted here, with the last callback from each provider.
      </EmptyState>
    </>
  );
}
