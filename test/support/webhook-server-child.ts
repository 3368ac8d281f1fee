// A Signalboard webhook server in a child process, for tests that signal or kill it: the real start-up
// (lib/server-start.ts: configuration, shutdown handlers, the HTTP guard, the database in DATA_DIR) and the
// real route handlers, served by a plain Node HTTP server on PORT that hands each request to them the way
// Next.js does (a Fetch Request in, a Fetch Response out). Prints the marker once it serves.
// Run it, do not import it: the marker below is repeated in the tests.
import http from "node:http";
import { Readable } from "node:stream";
import { GET as healthGET } from "../../app/webhooks/health/route";
import { POST as resendPOST } from "../../app/webhooks/resend/route";
import { POST as twilioPOST } from "../../app/webhooks/twilio/route";
import { getDatabase } from "../../lib/db/runtime";
import { startServer } from "../../lib/server-start";

const READY_MARKER = "WEBHOOK-SERVER-CHILD READY";

const routes: Record<string, (request: Request) => Promise<Response>> = {
  "POST /webhooks/twilio": twilioPOST,
  "POST /webhooks/resend": resendPOST,
  "GET /webhooks/health": () => healthGET(),
};

function toRequest(req: http.IncomingMessage, port: number): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(`http://127.0.0.1:${port}${req.url}`, {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    duplex: "half",
  } as RequestInit);
}

async function serve(port: number): Promise<void> {
  const server = http.createServer(async (req, res) => {
    const route = routes[`${req.method} ${(req.url ?? "").split("?")[0]}`];
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    const response = await route(toRequest(req, port));
    const body = Buffer.from(await response.arrayBuffer());
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
}

async function main(): Promise<void> {
  await startServer();
  await getDatabase(30_000);
  await serve(Number(process.env.PORT));
  process.stdout.write(`${READY_MARKER}\n`);
}

main().catch((error) => {
  process.stderr.write(
    `webhook-server-child failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(2);
});
