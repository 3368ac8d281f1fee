import type { Metadata } from "next";
import { Activity } from "lucide-react";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageUser } from "@/lib/auth/require-page-user";

export const metadata: Metadata = { title: "Events" };

export default async function EventsPage() {
  await requirePageUser({ allow: ["admin", "support"] });
  return (
    <>
      <PageHeader title="Events" description="Every webhook request as it arrives." />
      <EmptyState icon={<Activity />} title="The live event log is coming">
        Every request from Twilio and Resend will stream in here the moment it arrives — accepted, duplicate
        or rejected, with the reason — and can be inspected and replayed. Every request is already recorded.
      </EmptyState>
    </>
  );
}
