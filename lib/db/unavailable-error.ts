// "The database cannot take this write right now" versus "this query is wrong": the first is answered 503
// (the provider retries later), the second is a bug. Errors reach us in three shapes, checked together:
// pg's own (`code` = SQLSTATE or a socket errno), the pg pool's plain Errors (by message), and Prisma's
// wrapping of its driver adapter's (`PrismaClientKnownRequestError` P2010/P2039 whose
// `meta.driverAdapterError.cause` carries `originalCode` = SQLSTATE and a `kind`).

// SQLSTATE classes and codes meaning "unavailable": class 08 (connection exception), class 53
// (insufficient resources: too many connections, disk full, out of memory), 57P01 admin shutdown,
// 57P02 crash shutdown, 57P03 cannot connect now (starting up, in recovery), 57P05 idle-session timeout.
const UNAVAILABLE_SQLSTATE = /^(08|53)[0-9A-Z]{3}$|^57P0[1235]$/;
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
]);
// Prisma's own codes for "cannot reach / lost the server / no connection in time".
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// Kinds Prisma's pg adapter gives the errors it maps (see @prisma/adapter-pg convertDriverError).
const ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TlsConnectionError",
]);
// pg and its pool throw these as plain Errors without a code; PostgreSQL's own wording as a last resort.
const UNAVAILABLE_MESSAGE =
  /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is not open|database system is (starting up|shutting down|in recovery mode|not yet accepting connections|not accepting connections)|terminating connection|too many clients|remaining connection slots are reserved|Code: `(08|53)[0-9A-Z]{3}`|Code: `57P0[1235]`/i;

/** True when the error means "the database is unreachable or cannot take work now", not a bad query. */
export function isConnectionError(error: unknown): boolean {
  return someLayer(error, (e) => {
    for (const code of [e.code, e.originalCode]) {
      if (typeof code !== "string") continue;
      if (UNAVAILABLE_SQLSTATE.test(code) || SOCKET_CODES.has(code) || PRISMA_CODES.has(code)) return true;
    }
    if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
    return typeof e.message === "string" && UNAVAILABLE_MESSAGE.test(e.message);
  });
}

// A database closed under the writer (its pool ended, PGlite closed) is unavailable, not a bad request:
// 503 so the provider retries, never 500. Retrying against the same closed object cannot help.
export function isClosedDatabase(error: unknown): boolean {
  return someLayer(
    error,
    (e) =>
      typeof e.message === "string" &&
      /PGlite is closed|Cannot use a pool after calling end on the pool/.test(e.message),
  );
}

interface Layer {
  code?: unknown;
  originalCode?: unknown;
  kind?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
  meta?: { driverAdapterError?: unknown };
}

/** Tests the error and what it wraps (cause, AggregateError's errors, Prisma's driverAdapterError). */
function someLayer(error: unknown, test: (layer: Layer) => boolean, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 6) return false;
  const e = error as Layer;
  if (test(e)) return true;
  const inner: unknown[] = [e.cause, e.meta?.driverAdapterError];
  if (Array.isArray(e.errors)) inner.push(...e.errors);
  return inner.some((next) => next !== error && someLayer(next, test, depth + 1));
}
