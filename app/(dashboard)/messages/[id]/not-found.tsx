import { SearchX } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function MessageNotFound() {
  return (
    <EmptyState
      icon={<SearchX />}
      title="No message with this id"
      action={
        <Button asChild variant="secondary">
          <Link href="/messages">Search the messages</Link>
        </Button>
      }
    >
      The link may be mistyped, or the message was registered on another Signalboard. Search by the
      recipient&apos;s phone number or email address instead.
    </EmptyState>
  );
}
