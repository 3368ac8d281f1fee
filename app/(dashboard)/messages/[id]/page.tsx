// /messages/[id]: one message's whole story — what happened in plain words, its milestones, whether the
// recipient can still be sent to, its ids, and every event in order with its raw payload.
import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MessageFacts } from "@/components/message-detail/message-facts";
import { Milestones } from "@/components/message-detail/milestones";
import { OutcomeCard } from "@/components/message-detail/outcome-card";
import { RecipientSuppression } from "@/components/message-detail/recipient-suppression";
import { Timeline } from "@/components/message-detail/timeline";
import { StatusBadge } from "@/components/messages/status-badge";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { getDatabase } from "@/lib/db/runtime";
import { getConfig } from "@/lib/env";
import { describeOutcome, isStuck } from "@/lib/messages/describe-outcome";
import { formatRecipient } from "@/lib/phone/format-phone";
import { getMessage } from "@/lib/queries/get-message";
import { listRequestPayloads } from "@/lib/queries/list-request-payloads";
import { requireViewer } from "@/lib/support/viewer";
import { formatTime } from "@/lib/ui/format-time";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Message" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function MessagePage({ params }: { params: Promise<{ id: string }> }) {
  await requireViewer(["admin", "support"]);
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const db = await getDatabase();
  const message = await getMessage(db, id.toLowerCase());
  if (!message) notFound();
  const payloads = await listRequestPayloads(
    db,
    message.timeline.map((e) => e.requestId),
  );
  const channel = message.channel === "email" ? "email" : "sms";
  const stuck = isStuck(message, getConfig().STUCK_AFTER_HOURS);
  const outcome = describeOutcome({
    channel,
    status: message.status,
    explanation: message.error?.explanation ?? null,
    stuck,
  });

  return (
    <>
      <Button asChild variant="ghost" size="sm" className="mb-2 -ml-2.5">
        <Link href="/messages">
          <ArrowLeft className="size-4" aria-hidden />
          Messages
        </Link>
      </Button>
      <PageHeader
        title={formatRecipient(message.to)}
        description={
          <>
            {channel === "email" ? "Email" : "SMS"}
            {message.campaign && <> · campaign {message.campaign}</>} · sent{" "}
            <time dateTime={message.sentAt}>{formatTime(message.sentAt)}</time>
          </>
        }
        actions={<StatusBadge channel={channel} status={message.status} stuck={stuck} align="end" />}
      />
      <div className="space-y-4">
        <OutcomeCard outcome={outcome} />
        <div className="grid gap-4 lg:grid-cols-3">
          <Milestones message={message} />
          <RecipientSuppression suppression={message.suppression} />
          <MessageFacts message={message} />
        </div>
        <Timeline channel={channel} entries={message.timeline} payloads={payloads} />
      </div>
    </>
  );
}
