import { apiRoute, searchParams } from "@/lib/api/handler";
import { getSuppressionStatus } from "@/lib/queries/get-suppression-status";

export const dynamic = "force-dynamic";

// Whether to send to this address or number (optionally from one sender: ?from=+1...), and why not.
// Next.js hands the segment over already percent-decoded; decoding it again breaks on a literal "%".
export const GET = apiRoute<{ recipient: string }>(async ({ db, request }, { recipient }) => {
  const q = searchParams(request);
  const channel = q.channel === "sms" || q.channel === "email" ? q.channel : undefined;
  const status = await getSuppressionStatus(db, recipient, {
    channel,
    sender: q.from ?? null,
  });
  return { ...status, send: !status.suppressed };
});
