// Timing pages as a signed-in person opens them, one request at a time: the overview and the support
// benches share the sign-in and the sampling.
import { BENCH_SECRETS } from "./env";
import { summarize, type LatencySummary } from "./stats";

/** A running bench server and the admin's session cookie on it. */
export interface SignedInServer {
  url: string;
  cookie: string;
}

/**
 * Signs the bench's admin in (better-auth's endpoint, as the sign-in form does); returns the cookie. The
 * server creates ADMIN_EMAIL's user just after it reports healthy, so a refusal is retried for a while.
 */
export async function signInAsAdmin(baseUrl: string): Promise<string> {
  let res: Response | undefined;
  for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
    res = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseUrl },
      body: JSON.stringify({ email: BENCH_SECRETS.ADMIN_EMAIL, password: BENCH_SECRETS.ADMIN_PASSWORD }),
    });
    if (res.status === 200) break;
    await new Promise((r) => setTimeout(r, 1_000));
  }
  if (!res || res.status !== 200)
    throw new Error(`sign-in: ${res?.status} ${(await res?.text())?.slice(0, 200)}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** Three warm-up requests, then `samples` timed ones; anything but 200 stops the bench. */
export async function timeRequest(url: string, samples: number, cookie: string): Promise<LatencySummary> {
  const once = async () => {
    const started = performance.now();
    // The page with the session cookie, the API with the key: as a browser and a script call them.
    const headers: Record<string, string> = url.includes("/api/")
      ? { authorization: `Bearer ${BENCH_SECRETS.API_KEY}` }
      : { cookie };
    const res = await fetch(url, { headers, redirect: "manual" });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${body.slice(0, 200)}`);
    return performance.now() - started;
  };
  for (let i = 0; i < 3; i++) await once();
  const latencies: number[] = [];
  for (let i = 0; i < samples; i++) latencies.push(await once());
  return summarize(latencies);
}
