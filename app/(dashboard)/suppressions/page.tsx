// /suppressions: every recipient Signalboard tells your application not to send to, why, the event that
// caused it and since when — searchable, and liftable with a reason by admin and support.
import { CheckCircle2, SearchX, ShieldCheck } from "lucide-react";
import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { SuppressionFilters } from "@/components/suppressions/suppression-filters";
import { SuppressionTable } from "@/components/suppressions/suppression-table";
import {
  loadSuppressionSearchParams,
  serializeSuppressionSearchParams,
} from "@/components/suppressions/search-params";
import { CursorPagination } from "@/components/ui/cursor-pagination";
import { EmptyState } from "@/components/ui/empty-state";
import { getDatabase } from "@/lib/db/runtime";
import { getConfig } from "@/lib/env";
import { listSuppressions, type SuppressionRow } from "@/lib/queries/list-suppressions";
import { InvalidCursorError } from "@/lib/queries/message-cursor";
import { formatRecipient } from "@/lib/phone/format-phone";
import { resolveDefaultCountry } from "@/lib/search/search-settings";
import { requireViewer } from "@/lib/support/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Suppressions" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SuppressionsPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireViewer(["admin", "support"]);
  const raw = await searchParams;
  const filters = loadSuppressionSearchParams(raw);
  const lifted = typeof raw.lifted === "string" ? raw.lifted.slice(0, 320) : null;
  let page: { items: SuppressionRow[]; nextCursor: string | null } = { items: [], nextCursor: null };
  try {
    page = await listSuppressions(
      await getDatabase(),
      {
        q: filters.q.slice(0, 200) || undefined,
        state: filters.state,
        reason: filters.reason ?? undefined,
        channel: filters.channel ?? undefined,
        cursor: filters.cursor?.slice(0, 200) || undefined,
      },
      resolveDefaultCountry(getConfig()),
    );
  } catch (error) {
    if (!(error instanceof InvalidCursorError)) throw error;
  }
  const filtered = !!filters.q || !!filters.reason || !!filters.channel;

  return (
    <>
      <PageHeader
        title="Suppressions"
        description="Recipients your application should not send to, and why. Lift one when the reason no longer holds."
      />
      {lifted && (
        <p
          role="status"
          className="mb-4 flex items-center gap-2 rounded-md border border-success/40 bg-success-soft px-4 py-2 text-sm"
        >
          <CheckCircle2 className="size-4 text-success" aria-hidden />
          Lifted: {formatRecipient(lifted)} can be sent to again. The lift is kept in its history.
        </p>
      )}
      <SuppressionFilters />
      {page.items.length === 0 ? (
        filtered ? (
          <EmptyState icon={<SearchX />} title="No suppression matches">
            {filters.q
              ? "That number or address is not suppressed (check the spelling, or try it with its country code)."
              : "No suppression matches these filters."}
          </EmptyState>
        ) : (
          <EmptyState
            icon={<ShieldCheck />}
            title={filters.state === "lifted" ? "Nothing was lifted yet" : "No recipient is suppressed"}
          >
            Hard bounces, spam complaints, STOP replies and numbers that do not exist suppress a recipient
            here automatically.
          </EmptyState>
        )
      ) : (
        <>
          <SuppressionTable
            items={page.items}
            canLift={viewer.canLiftSuppressions}
            now={new Date().toISOString()}
          />
          <CursorPagination
            label="Suppression pages"
            nextLabel="More"
            firstHref={
              filters.cursor
                ? serializeSuppressionSearchParams("/suppressions", { ...filters, cursor: null })
                : null
            }
            nextHref={
              page.nextCursor
                ? serializeSuppressionSearchParams("/suppressions", { ...filters, cursor: page.nextCursor })
                : null
            }
          />
        </>
      )}
    </>
  );
}
