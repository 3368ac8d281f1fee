// Registers the messages a traffic pool's callbacks are for, through the public API (POST
// /api/messages/batch, 1,000 per call), as the sending application would. Not timed.
import { BENCH_SECRETS } from "./env";
import type { MessageToRegister } from "./requests";

const BATCH = 1000;

export async function registerMessages(baseUrl: string, messages: MessageToRegister[]): Promise<number> {
  let created = 0;
  for (let i = 0; i < messages.length; i += BATCH) {
    const res = await fetch(`${baseUrl}/api/messages/batch`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${BENCH_SECRETS.API_KEY}` },
      body: JSON.stringify({ messages: messages.slice(i, i + BATCH) }),
      signal: AbortSignal.timeout(120_000),
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`registering messages: ${res.status} ${text.slice(0, 300)}`);
    const body = JSON.parse(text) as { created: number; failed: number };
    if (body.failed)
      throw new Error(`registering messages: ${body.failed} of a batch failed: ${text.slice(0, 300)}`);
    created += body.created;
  }
  return created;
}
