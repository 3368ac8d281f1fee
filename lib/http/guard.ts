// The one layer in front of Next.js's request handling, in the server's own process. `next start` owns the
// HTTP server and gives no handle on it, so the guard wraps the 'request' event of Node's http.Server
// (installed at start by instrumentation, before the first request). It does what only the socket level
// can do:
// - writes the peer's socket address into PEER_ADDRESS_HEADER, replacing whatever a client sent under that
//   name, so the ingest code knows the real source (Next.js route handlers do not expose the socket);
// - answers TRACE with 405: the Fetch API refuses to build a Request with those methods, so
//   Next.js would fail with a 500 before any of our code runs;
// - counts the requests being answered, so that a shutdown lets the last answers reach their clients, and
//   then stops listening.
import http from "node:http";
import { afterShutdownDrain, isShuttingDown } from "../lifecycle";
import { PEER_ADDRESS_HEADER } from "./peer-address";

const REFUSED_METHODS = new Set(["TRACE"]);
const ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
const CLOSE_POLL_MS = 20;
const QUIET_MS = 150;
const ABANDON_MS = 1_000;
const MAX_QUIET_WAIT_MS = 1_000;

interface Guard {
  servers: Set<http.Server>;
  /** Requests taken and not yet answered (their response not yet closed). */
  active: number;
  /** Date.now() of the last connection or request: the shutdown stops listening once it is quiet. */
  lastArrival: number;
}

const holder = globalThis as typeof globalThis & { __signalboardHttpGuard?: Guard };

export function installHttpGuard(): void {
  if (holder.__signalboardHttpGuard) return;
  const guard: Guard = { servers: new Set(), active: 0, lastArrival: 0 };
  holder.__signalboardHttpGuard = guard;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function guardedEmit(
    this: http.Server,
    event: string | symbol,
    ...args: unknown[]
  ) {
    if (event === "connection" || event === "request") guard.lastArrival = Date.now();
    if (event === "request") {
      const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
      if (!admit(guard, this, request, response)) return true;
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
  afterShutdownDrain("http-answers", (deadline) => finishAnswers(guard, deadline));
}

/** Requests being answered now (0 when the guard is not installed). */
export function activeRequests(): number {
  return holder.__signalboardHttpGuard?.active ?? 0;
}

function admit(
  guard: Guard,
  server: http.Server,
  request: http.IncomingMessage,
  response: http.ServerResponse,
): boolean {
  guard.servers.add(server);
  request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
  if (REFUSED_METHODS.has(request.method ?? "")) {
    response.writeHead(405, {
      Allow: ALLOWED_METHODS,
      // Its body, if any, is never read: the connection cannot carry another request.
      Connection: "close",
      "Content-Type": "application/json",
      "Cache-Control": "no-store",
    });
    response.end(
      JSON.stringify({
        success: false,
        error: { code: "method_not_allowed", message: `${request.method} is not supported` },
      }),
    );
    return false;
  }
  guard.active++;
  response.once("close", () => guard.active--);
  announceCloseWhenBodyUnread(request, response);
  response.once("finish", () => {
    // Answered before its body arrived (too large, body timeout): close the connection rather than read
    // the rest of a body nobody wants, and do not let a slow client keep it open.
    if (request.complete) return;
    request.socket.end();
    setTimeout(() => request.socket.destroy(), ABANDON_MS).unref();
  });
  // While shutting down, every answer closes its connection: no keep-alive request can arrive on a
  // socket that is about to be closed.
  if (isShuttingDown()) response.setHeader("Connection", "close");
  return true;
}

/**
 * An answer written before the request's body arrived whole (too large, a method the route refuses, the
 * body timeout) ends the connection (see admit): say so in the answer, so a keep-alive client sends its
 * next request on a new connection instead of into one that is closing.
 */
function announceCloseWhenBodyUnread(request: http.IncomingMessage, response: http.ServerResponse): void {
  const writeHead = response.writeHead;
  response.writeHead = function (this: http.ServerResponse, ...args: unknown[]) {
    if (!request.complete && !this.headersSent) this.setHeader("Connection", "close");
    return (writeHead as (...a: unknown[]) => http.ServerResponse).apply(this, args);
  } as typeof response.writeHead;
}

/**
 * After the writes drained: keep answering (503) until no connection has arrived for a moment, so the
 * connections already queued in the kernel get an answer instead of a reset when the port closes; then
 * stop listening and wait until every answer has been written.
 */
async function finishAnswers(guard: Guard, deadline: number): Promise<void> {
  // Measured from now at the earliest: the drain may have kept the event loop busy, so connections can
  // be waiting in the kernel that the loop has not accepted yet.
  const started = Date.now();
  const quiet = () => guard.active === 0 && Date.now() - Math.max(guard.lastArrival, started) >= QUIET_MS;
  // Traffic that never pauses would keep it from ever being quiet: stop listening after a while anyway
  // (what is still queued in the kernel then was never taken), and answer everything already taken.
  const stopListeningBy = Math.min(deadline, started + MAX_QUIET_WAIT_MS);
  while (!quiet() && Date.now() < stopListeningBy) await sleep(CLOSE_POLL_MS);
  for (const server of guard.servers) {
    server.close();
    server.closeIdleConnections();
  }
  while (guard.active > 0 && Date.now() < deadline) await sleep(CLOSE_POLL_MS);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
