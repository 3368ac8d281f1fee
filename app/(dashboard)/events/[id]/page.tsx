// /events/[id]: one webhook request, inspected — what became of it and why, the verification diagnosis,
// headers (redacted at ingest) and body, its duplicate chain, the events it produced and its message.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Diagnosis } from "@/components/events/inspector/diagnosis";
import { RequestBody, RequestHeaders } from "@/components/events/inspector/request-body";
import { ReplayPanel } from "@/components/events/inspector/replay-panel";
import { RequestLinks, RequestSummary } from "@/components/events/inspector/request-summary";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { requirePageUser } from "@/lib/auth/require-page-user";
import { canReplay } from "@/lib/auth/roles";
import { getDatabase } from "@/lib/db/runtime";
import { getRequest } from "@/lib/queries/get-request";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Request" };

export default async function RequestPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser({ allow: ["admin", "support"] });
  const { id } = await params;
  const request = await getRequest(await getDatabase(), id);
  if (!request) notFound();
  return (
    <>
      <PageHeader
        title="Request"
        description={`${request.provider === "twilio" ? "Twilio" : "Resend"} webhook ${request.id}`}
        actions={
          <Button asChild variant="secondary" size="sm">
            <Link href="/events">Back to the live log</Link>
          </Button>
        }
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="space-y-4">
          <RequestSummary request={request} />
          <Diagnosis request={request} />
          <RequestLinks request={request} />
          <ReplayPanel request={request} mayReplay={canReplay(user)} />
        </div>
        <div className="min-w-0 space-y-4">
          <RequestBody request={request} />
          <RequestHeaders request={request} />
        </div>
      </div>
    </>
  );
}
