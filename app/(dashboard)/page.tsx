// The overview of delivery and engagement rates lands here; until then, where to find what exists.
import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Button } from "@/components/ui/button";

export const dynamic = "force-dynamic";

export default function OverviewPage() {
  return (
    <>
      <PageHeader
        title="Overview"
        description="Delivery, open, click, bounce and complaint rates for your SMS and email."
      />
      <EmptyState
        title="The overview is on its way"
        action={
          <Button asChild variant="secondary">
            <Link href="/settings">See the webhook URLs and configuration</Link>
          </Button>
        }
      >
        Rates per campaign with charts will appear here. Meanwhile <code>GET /api/metrics/summary</code>{" "}
        answers the same numbers as JSON.
      </EmptyState>
    </>
  );
}
