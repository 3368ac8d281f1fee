import { getConfig } from "@/lib/env";

export const dynamic = "force-dynamic";

// The baseline for `npm run bench`: a route handler that does nothing, in the same build, so ingest
// throughput can be compared with the cost of the Next.js layer alone. Absent unless SIGNALBOARD_BENCH=1.
export async function POST(request: Request): Promise<Response> {
  if (!getConfig().SIGNALBOARD_BENCH) return new Response(null, { status: 404 });
  await request.text();
  return Response.json({ success: true });
}
