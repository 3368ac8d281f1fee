import { SearchX } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function RequestNotFound() {
  return (
    <EmptyState
      icon={<SearchX />}
      title="No request with this id"
      action={
        <Button asChild variant="secondary">
          <Link href="/events">Open the live log</Link>
        </Button>
      }
    >
      The link may be mistyped, or the request was removed by retention. Search the live log by the
      provider&apos;s id instead.
    </EmptyState>
  );
}
