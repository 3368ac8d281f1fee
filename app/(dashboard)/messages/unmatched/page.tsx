// /messages/unmatched: events whose message Signalboard does not know yet, newest first, searchable by
// provider id and recipient — and how they get linked.
import { CheckCircle2, SearchX } from "lucide-react";
import type { Metadata } from "next";
import { createLoader, createSerializer, parseAsString } from "nuqs/server";
import { QuerySearchForm } from "@/components/search/query-search-form";
import { PageHeader } from "@/components/shell/page-header";
import { LinkHelp } from "@/components/unmatched/link-help";
import { UnmatchedTable } from "@/components/unmatched/unmatched-table";
import { CursorPagination } from "@/components/ui/cursor-pagination";
import { EmptyState } from "@/components/ui/empty-state";
import { getDatabase } from "@/lib/db/runtime";
import { getConfig } from "@/lib/env";
import { InvalidCursorError } from "@/lib/queries/message-cursor";
import { listUnmatchedEvents, type UnmatchedEvent } from "@/lib/queries/list-unmatched-events";
import { resolveDefaultCountry } from "@/lib/search/search-settings";
import { requireViewer } from "@/lib/support/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Unmatched events" };

const params = { q: parseAsString.withDefault(""), before: parseAsString };
const load = createLoader(params);
const serialize = createSerializer(params);

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function UnmatchedPage({ searchParams }: { searchParams: SearchParams }) {
  await requireViewer(["admin", "support"]);
  const { q, before } = await load(searchParams);
  const db = await getDatabase();
  let page: { items: UnmatchedEvent[]; nextCursor: string | null } = { items: [], nextCursor: null };
  try {
    page = await listUnmatchedEvents(
      db,
      { q: q.slice(0, 200) || undefined, before: before?.slice(0, 200) || undefined, limit: 50 },
      resolveDefaultCountry(getConfig()),
    );
  } catch (error) {
    if (!(error instanceof InvalidCursorError)) throw error;
  }
  const now = new Date().toISOString();

  return (
    <>
      <PageHeader
        title="Unmatched events"
        description="Events the providers sent for messages Signalboard has not been told about yet, newest first."
      />
      <LinkHelp />
      <div className="mb-4">
        <QuerySearchForm
          id="unmatched-q"
          label="Provider id or recipient"
          placeholder="SM… SID, Resend id, phone number or email address"
        />
      </div>
      {page.items.length === 0 ? (
        q ? (
          <EmptyState icon={<SearchX />} title="No unmatched event matches">
            Nothing is waiting under that id or recipient: its events may already be linked — search for it on
            Messages.
          </EmptyState>
        ) : (
          <EmptyState icon={<CheckCircle2 />} title="Every event is linked to its message">
            Nothing is waiting: each event the providers sent belongs to a message Signalboard knows.
          </EmptyState>
        )
      ) : (
        <>
          <UnmatchedTable items={page.items} now={now} />
          <CursorPagination
            label="Unmatched event pages"
            firstHref={before ? serialize("/messages/unmatched", { q, before: null }) : null}
            nextHref={
              page.nextCursor ? serialize("/messages/unmatched", { q, before: page.nextCursor }) : null
            }
          />
        </>
      )}
    </>
  );
}
