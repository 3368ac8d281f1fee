// The sender's side of a simulated run: registers the plan's messages through the sender API
// (POST /api/messages/batch, with the API key from API_KEYS), as a sending application would — most
// before their callbacks are sent, some after (their events are stored unmatched first and linked when
// the registration arrives), so both paths are exercised and the overview fills with matched messages.
import type { PlannedMessage } from "./plan";
import { createRandom } from "./random";

/** Share of messages registered only after their callbacks were sent. */
export const LATE_REGISTRATION_SHARE = 0.1;
const BATCH = 1000;

export interface RegistrationPlan {
  early: PlannedMessage[];
  late: PlannedMessage[];
}

/** Which messages are registered before their callbacks and which after (seeded, its own stream). */
export function splitRegistrations(messages: readonly PlannedMessage[], seed: string): RegistrationPlan {
  const random = createRandom(`${seed}:registration`);
  const early: PlannedMessage[] = [];
  const late: PlannedMessage[] = [];
  for (const m of messages) (random.chance(LATE_REGISTRATION_SHARE) ? late : early).push(m);
  return { early, late };
}

export function registrationBody(message: PlannedMessage, senders: { sms: string; email: string }) {
  const sms = message.provider === "twilio";
  return {
    channel: sms ? "sms" : "email",
    to: message.recipient,
    from: sms ? senders.sms : senders.email,
    ...(sms ? {} : { subject: message.subject }),
    campaign: message.campaign,
    provider: message.provider,
    externalId: message.externalId,
    sentAt: message.createdAt.toISOString(),
    // A re-run of the same seed finds its messages instead of a conflict.
    idempotencyKey: `simulate:${message.externalId}`,
  };
}

export interface RegistrationResult {
  registered: number;
  failed: Array<{ status: number; error: string }>;
}

/** Registers in batches of 1,000; a refused item is reported, never retried blindly. */
export async function registerMessages(
  target: string,
  apiKey: string,
  messages: readonly PlannedMessage[],
  senders: { sms: string; email: string },
): Promise<RegistrationResult> {
  const result: RegistrationResult = { registered: 0, failed: [] };
  for (let i = 0; i < messages.length; i += BATCH) {
    const chunk = messages.slice(i, i + BATCH);
    const response = await fetch(`${target}/api/messages/batch`, {
      method: "POST",
      headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ messages: chunk.map((m) => registrationBody(m, senders)) }),
    });
    const body = (await response.json().catch(() => null)) as {
      items?: Array<{ status: number; error?: { message?: string } }>;
      error?: { message?: string };
    } | null;
    if (!response.ok || !body?.items) {
      result.failed.push({ status: response.status, error: body?.error?.message ?? "no answer body" });
      continue;
    }
    for (const item of body.items) {
      if (item.status === 200 || item.status === 201) result.registered++;
      else result.failed.push({ status: item.status, error: item.error?.message ?? "refused" });
    }
  }
  return result;
}
