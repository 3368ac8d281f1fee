// /events: the live log for the developer integrating Twilio and Resend — every webhook request the
// moment it is stored, newest first, with its outcome. The first page comes from the server; new rows
// stream in above it; older ones page in below by sequence (keyset, no OFFSET).
import type { Metadata } from "next";
import Link from "next/link";
import { EventFilters } from "@/components/events/event-filters";
import { EventTable } from "@/components/events/event-table";
import { LiveLog } from "@/components/events/live-log";
import { ReverifyDialog } from "@/components/events/replay-reverify-dialog";
import { loadEventSearchParams, serializeEventSearchParams } from "@/components/events/search-params";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { CursorPagination } from "@/components/ui/cursor-pagination";
import { requirePageUser } from "@/lib/auth/require-page-user";
import { canReplay } from "@/lib/auth/roles";
import { getDatabase } from "@/lib/db/runtime";
import { OUTCOME_MEANINGS, OUTCOMES } from "@/lib/ingest/outcome-meaning";
import { parseLiveFilter } from "@/lib/live-log/filter";
import { parseResumePoint } from "@/lib/live-log/sse-stream";
import { getLatestSeq, listRowsBefore, SCAN_WINDOW } from "@/lib/queries/live-log-rows";
import { getLatestRun, MAX_REQUESTS_PER_RUN } from "@/lib/replay/reverify-run";
import { startReverifyAction } from "./replay-actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Events" };

const PAGE_SIZE = 50;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function EventsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser({ allow: ["admin", "support"] });
  const params = await loadEventSearchParams(searchParams);
  const filter = parseLiveFilter({
    provider: params.provider,
    outcome: params.outcome,
    eventType: params.eventType,
    q: params.q,
  });
  const before = parseResumePoint(params.before);
  const db = await getDatabase();
  // Read before the page: whatever commits after it is either on the page or after `from`, so the
  // stream, which starts after `from`, leaves no gap (and the page drops what both have).
  const latest = before === null ? await getLatestSeq(db) : 0n;
  const [page, latestRun] = await Promise.all([
    listRowsBefore(db, before, filter, PAGE_SIZE),
    canReplay(user) ? getLatestRun(db) : null,
  ]);
  const newestShown = page.rows[0] ? BigInt(page.rows[0].seq) : 0n;
  const from = String(newestShown > latest ? newestShown : latest);
  const streamQuery = new URLSearchParams(
    Object.entries(filter).filter((e): e is [string, string] => typeof e[1] === "string"),
  ).toString();
  const nextHref = page.nextBefore
    ? serializeEventSearchParams("/events", { ...params, before: page.nextBefore })
    : null;

  return (
    <>
      <PageHeader
        title="Events"
        description="Every webhook request from Twilio and Resend the moment it is stored, with what became of it."
        actions={
          canReplay(user) && (
            <ReverifyDialog
              action={startReverifyAction}
              initialRun={latestRun}
              maxPerRun={MAX_REQUESTS_PER_RUN}
            />
          )
        }
      />
      <EventFilters outcomes={OUTCOMES.map((o) => ({ value: o, label: OUTCOME_MEANINGS[o].label }))} />
      {before === null ? (
        <LiveLog key={streamQuery} initialRows={page.rows} query={streamQuery} from={from} />
      ) : (
        <section aria-label="Older requests" className="space-y-3">
          <div className="flex items-center justify-between gap-2 text-sm text-muted">
            <span>Older requests, newest first. Not live.</span>
            <Button asChild size="sm" variant="secondary">
              <Link href={serializeEventSearchParams("/events", { ...params, before: null })}>
                Back to live
              </Link>
            </Button>
          </div>
          {page.rows.length ? (
            <EventTable rows={page.rows} />
          ) : (
            <p className="text-sm text-muted">No older requests match{page.windowEdge ? " here" : ""}.</p>
          )}
        </section>
      )}
      {page.windowEdge && (
        <p className="text-sm text-muted" data-testid="window-edge">
          A filtered page looks through {SCAN_WINDOW.toLocaleString("en")} requests at a time, so it may show
          fewer rows than fit; Older searches further back.
        </p>
      )}
      <CursorPagination
        label="Older requests"
        firstHref={
          before === null ? null : serializeEventSearchParams("/events", { ...params, before: null })
        }
        nextHref={nextHref}
      />
    </>
  );
}
