import { apiRoute } from "@/lib/api/handler";
import { parseLiveFilter } from "@/lib/live-log/filter";
import { getLiveHub } from "@/lib/live-log/runtime";
import { openLiveStream, parseResumePoint, SSE_HEADERS } from "@/lib/live-log/sse-stream";

export const dynamic = "force-dynamic";

// The live log as server-sent events (?provider=&outcome=&eventType=&q=; resumes from Last-Event-ID,
// or ?after=<seq> for a page that already shows rows up to it). docs/api.md describes the events.
export const GET = apiRoute(async ({ db, request }) => {
  const url = new URL(request.url);
  const stream = openLiveStream({
    db,
    hub: getLiveHub(db),
    filter: parseLiveFilter(url.searchParams),
    resumeAfter: parseResumePoint(request.headers.get("last-event-id") ?? url.searchParams.get("after")),
    signal: request.signal,
  });
  return new Response(stream, { headers: SSE_HEADERS });
});
