// /messages: support's answer to "did the message to this customer arrive?" — one search box for whatever
// the customer can tell (phone number in any spelling, email, an id), filters, newest first.
import { Inbox, SearchX } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { MessageFilters } from "@/components/messages/message-filters";
import { MessageTable } from "@/components/messages/message-table";
import { loadMessageSearchParams, serializeMessageSearchParams } from "@/components/messages/search-params";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { CursorPagination } from "@/components/ui/cursor-pagination";
import { EmptyState } from "@/components/ui/empty-state";
import { getDatabase } from "@/lib/db/runtime";
import { getConfig } from "@/lib/env";
import { listMessagesForPage } from "@/lib/queries/list-messages-page";
import { getSearchSettings } from "@/lib/search/search-settings";
import { filterableStatuses } from "@/lib/status/status-meaning";
import { requireViewer, showRecipient } from "@/lib/support/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Messages" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function MessagesPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireViewer();
  const filters = await loadMessageSearchParams(searchParams);
  const settings = getSearchSettings(getConfig());
  const now = new Date();
  const page = await listMessagesForPage(
    await getDatabase(),
    filters,
    settings,
    (v) => showRecipient(viewer, v),
    now,
  );
  const filtered =
    !!filters.q ||
    !!filters.status ||
    !!filters.channel ||
    !!filters.campaign ||
    !!filters.from ||
    !!filters.until ||
    filters.stuck;

  return (
    <>
      <PageHeader
        title="Messages"
        description={
          viewer.seesRecipients
            ? "Find any SMS or email by what the customer can tell you, and read its story."
            : "Every SMS and email, read-only, with recipients masked."
        }
        actions={
          viewer.seesRecipients && (
            <Button asChild variant="secondary" size="sm">
              <Link href="/messages/unmatched">Unmatched events</Link>
            </Button>
          )
        }
      />
      <MessageFilters statuses={filterableStatuses()} stuckAfterHours={settings.stuckAfterHours} />
      {page.badCursor ? (
        <EmptyState
          icon={<SearchX />}
          title="This page link is out of date"
          action={<FirstPage filters={filters} />}
        >
          The link points into a list that can no longer be continued. Start again from the newest messages.
        </EmptyState>
      ) : page.items.length === 0 ? (
        filtered ? (
          <EmptyState icon={<SearchX />} title="No message matches">
            {filters.q
              ? "Nothing was sent to that number or address, and no message has that id. Check the spelling, or try the number with its country code (+44…)."
              : "No message matches these filters. Widen the dates or clear a filter."}
            {viewer.seesRecipients && (
              <>
                {" "}
                Events for messages that were never registered wait under{" "}
                <Link
                  href={`/messages/unmatched${filters.q ? `?q=${encodeURIComponent(filters.q)}` : ""}`}
                  className="text-accent underline"
                >
                  Unmatched events
                </Link>
                .
              </>
            )}
          </EmptyState>
        ) : (
          <EmptyState icon={<Inbox />} title="No messages yet">
            Messages appear here when your application registers them (<code>POST /api/messages</code>) or
            their first webhook arrives.
          </EmptyState>
        )
      ) : (
        <>
          <p className="mb-2 text-sm text-muted" aria-live="polite">
            {page.items.length === 1 ? "1 message" : `${page.items.length} messages`}
            {page.nextCursor
              ? " on this page, newest first"
              : filters.cursor
                ? " on the last page"
                : ", newest first"}
          </p>
          <MessageTable
            items={page.items}
            linkRows={viewer.seesRecipients}
            stuckAfterHours={settings.stuckAfterHours}
            now={now.toISOString()}
          />
          <CursorPagination
            label="Message pages"
            firstHref={
              filters.cursor ? serializeMessageSearchParams("/messages", { ...filters, cursor: null }) : null
            }
            nextHref={
              page.nextCursor
                ? serializeMessageSearchParams("/messages", { ...filters, cursor: page.nextCursor })
                : null
            }
          />
        </>
      )}
    </>
  );
}

function FirstPage({ filters }: { filters: Awaited<ReturnType<typeof loadMessageSearchParams>> }) {
  return (
    <Button asChild variant="secondary">
      <Link href={serializeMessageSearchParams("/messages", { ...filters, cursor: null })}>
        Newest messages
      </Link>
    </Button>
  );
}
