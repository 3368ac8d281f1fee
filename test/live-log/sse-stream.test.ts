// The live-log stream route (app/api/events/stream) on every target: server-sent events with the sequence
// as event id, filters applied on the server, a reconnect from Last-Event-ID that misses nothing and repeats
// nothing, the bound on a slow browser and the cap on open streams.
import { afterEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.WEBHOOK_LOG_LEVEL = "silent";
});

import { GET } from "@/app/api/events/stream/route";
import { POST as postTwilio } from "@/app/webhooks/twilio/route";
import { getDatabase } from "@/lib/db/runtime";
import { closeLiveHub, getLiveHub } from "@/lib/live-log/runtime";
import { parseLiveFilter, type LiveFilter } from "@/lib/live-log/filter";
import { DEFAULT_LIMITS, openLiveStream, type StreamLimits } from "@/lib/live-log/sse-stream";
import { testTargets } from "../support/databases";
import { twilioRequest } from "../support/webhook-requests";
import { BASE_ENV, useIngestHarness } from "../ingest/harness";
import { readSse } from "./sse-reader";

const API_KEY = "live-log-test-key-0123456789";
const BAD_SIGNATURE = "bm90IHRoZSBzaWduYXR1cmU=";

function streamRequest(query = "", headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const request = new Request(`http://localhost/api/events/stream${query}`, {
    headers: { authorization: `Bearer ${API_KEY}`, ...headers },
    signal: controller.signal,
  });
  return { request, abort: () => controller.abort() };
}

describe.each(testTargets)("live-log stream (%s)", (target) => {
  const h = useIngestHarness(target);
  const open: Array<() => void> = [];
  const configure = (extra: Record<string, string> = {}) =>
    h.configure({ ...BASE_ENV, API_KEYS: API_KEY, ...extra });

  afterEach(async () => {
    open.splice(0).forEach((abort) => abort());
    await closeLiveHub();
  });

  async function connect(query = "", headers: Record<string, string> = {}) {
    const { request, abort } = streamRequest(query, headers);
    open.push(abort);
    const response = await GET(request);
    expect(response.status).toBe(200);
    const sse = readSse(response.body!);
    await sse.waitFor("hello");
    return { response, sse, abort };
  }

  it("refuses a caller without credentials", async () => {
    configure();
    const response = await GET(new Request("http://localhost/api/events/stream"));
    expect(response.status).toBe(401);
  });

  it("streams each request as an event whose id is its sequence, with the event-stream headers", async () => {
    configure();
    const { response, sse } = await connect();
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    const answer = await postTwilio(twilioRequest());
    const [event] = await sse.waitFor("request");
    expect(event.data).toMatchObject({ id: answer.headers.get("x-request-id"), outcome: "unmatched" });
    expect(event.id).toBe((event.data as { seq: string }).seq);
  });

  it("honours the filters on the server", async () => {
    configure();
    const { sse } = await connect("?outcome=rejected_signature&provider=twilio");
    const all = await connect();
    await postTwilio(twilioRequest());
    const bad = await postTwilio(twilioRequest({ signature: BAD_SIGNATURE }));
    await postTwilio(twilioRequest());
    await all.sse.waitFor("request", 3);
    await new Promise((r) => setTimeout(r, 100));
    expect(sse.of("request").map((e) => (e.data as { id: string }).id)).toEqual([
      bad.headers.get("x-request-id"),
    ]);
  });

  it("resumes from Last-Event-ID with exactly what was missed, then live", async () => {
    configure();
    const first = await connect();
    await postTwilio(twilioRequest());
    await postTwilio(twilioRequest());
    const seen = await first.sse.waitFor("request", 2);
    first.abort();
    // Committed while the browser was away.
    const missed = [await postTwilio(twilioRequest()), await postTwilio(twilioRequest())];
    const again = await connect("", { "last-event-id": seen[0].id! });
    const live = await postTwilio(twilioRequest());
    const got = await again.sse.waitFor("request", 4);
    await new Promise((r) => setTimeout(r, 100));
    expect(again.sse.of("request").map((e) => (e.data as { id: string }).id)).toEqual([
      (seen[1].data as { id: string }).id,
      ...missed.map((r) => r.headers.get("x-request-id")),
      live.headers.get("x-request-id"),
    ]);
    expect(got.map((e) => BigInt(e.id!))).toEqual(
      [...got.map((e) => BigInt(e.id!))].sort((a, b) => (a < b ? -1 : 1)),
    );
  });

  it("tells a browser that falls behind to reload, and ends its stream", async () => {
    configure();
    const db = await getDatabase();
    const controller = new AbortController();
    open.push(() => controller.abort());
    const body = openLiveStream({
      db,
      hub: getLiveHub(db),
      filter: {},
      resumeAfter: null,
      signal: controller.signal,
      limits: { ...DEFAULT_LIMITS, maxQueuedBytes: 2_000, maxCatchUpRows: 10, heartbeatMs: 60_000 },
    });
    // Nobody reads the body yet: rows queue up until the bound.
    await new Promise((r) => setTimeout(r, 200));
    await Promise.all(Array.from({ length: 30 }, () => postTwilio(twilioRequest())));
    await vi.waitFor(() => expect(getLiveHub(db).subscribers.size).toBe(0), { timeout: 10_000 });
    const sse = readSse(body);
    const [reload] = await sse.waitFor("reload");
    expect(reload.data).toMatchObject({ reason: expect.stringMatching(/fell behind/) });
    expect(sse.of("request").length).toBeLessThan(30);
  });

  /** A stream opened on the hub directly, with bounds of the test's choosing. */
  async function openDirect(
    filter: LiveFilter,
    resumeAfter: bigint | null,
    limits: Partial<StreamLimits> = {},
  ) {
    const db = await getDatabase();
    const controller = new AbortController();
    open.push(() => controller.abort());
    const sse = readSse(
      openLiveStream({
        db,
        hub: getLiveHub(db),
        filter,
        resumeAfter,
        signal: controller.signal,
        limits: { ...DEFAULT_LIMITS, ...limits },
      }),
    );
    return { sse, abort: () => controller.abort() };
  }

  it.each([
    ["more rows than a catch-up holds", "", { maxCatchUpRows: 3 }],
    ["a filtered stream further behind than its window", "?provider=twilio&outcome=rejected_signature", {}],
  ])("tells a reconnect behind by %s to reload, and ends its stream", async (_, query, limit) => {
    configure();
    const db = await getDatabase();
    const first = await openDirect({}, null);
    await first.sse.waitFor("hello");
    await postTwilio(twilioRequest());
    const [seen] = await first.sse.waitFor("request");
    first.abort();
    await vi.waitFor(() => expect(getLiveHub(db).subscribers.size).toBe(0));
    // Stored while the browser was away: four, none of them matching the filtered stream.
    for (let i = 0; i < 4; i++) await postTwilio(twilioRequest());
    const { sse } = await openDirect(parseLiveFilter(new URLSearchParams(query)), BigInt(seen.id!), {
      maxFilteredCatchUpSeqs: 3n,
      ...limit,
    });
    const [reload] = await sse.waitFor("reload");
    expect(reload.data).toMatchObject({ reason: expect.stringMatching(/while disconnected/) });
    expect(sse.of("request")).toEqual([]);
    await vi.waitFor(() => expect(getLiveHub(db).subscribers.size).toBe(0));
  });

  it("lets a reconnect within both bounds catch up", async () => {
    configure();
    const first = await openDirect({}, null);
    await first.sse.waitFor("hello");
    await postTwilio(twilioRequest());
    const [seen] = await first.sse.waitFor("request");
    first.abort();
    const missed = await postTwilio(twilioRequest({ signature: BAD_SIGNATURE }));
    const { sse } = await openDirect({ outcome: "rejected_signature" }, BigInt(seen.id!), {
      maxCatchUpRows: 3,
      maxFilteredCatchUpSeqs: 3n,
    });
    const [event] = await sse.waitFor("request");
    expect((event.data as { id: string }).id).toBe(missed.headers.get("x-request-id"));
    expect(sse.of("reload")).toEqual([]);
  });

  it("caps the open streams and says so", async () => {
    configure({ LIVE_LOG_MAX_STREAMS: "2" });
    const one = await connect();
    await connect();
    expect((one.sse.of("hello")[0].data as { maxStreams: number }).maxStreams).toBe(2);
    const { request } = streamRequest();
    const third = readSse((await GET(request)).body!);
    const [full] = await third.waitFor("full");
    expect(full.data).toEqual({ openStreams: 2, maxStreams: 2 });
  });
});
