// When each provider last called, and whether one has gone quiet while messages for its channel are still
// being sent. Both are index lookups: max(received_at) per provider reads one entry of the
// (provider, received_at DESC) index, and the recent-message check stops at the first message of the
// channel in the window of the (sent_at DESC, id) index.
import type { Database } from "../../db/open";

export const PROVIDER_CHANNELS = [
  { provider: "twilio", name: "Twilio", channel: "sms", callback: "callback" },
  { provider: "resend", name: "Resend", channel: "email", callback: "event" },
] as const;

/** A provider is quiet when messages were sent over this window and it sent nothing in it. */
export const QUIET_WINDOW_MINUTES = 60;
/** Messages this recent are not counted yet: their provider has had no time to report. */
export const QUIET_GRACE_MINUTES = 5;

export interface ProviderActivity {
  provider: (typeof PROVIDER_CHANNELS)[number]["provider"];
  name: string;
  channel: string;
  /** What the provider sends: "callback" (Twilio) or "event" (Resend). */
  callback: string;
  lastRequestAt: Date | null;
  /** Messages of its channel were sent in the window, yet the provider sent no request in it. */
  quiet: boolean;
}

export async function readProviderActivity(db: Database, now: Date): Promise<ProviderActivity[]> {
  const windowStart = new Date(now.getTime() - QUIET_WINDOW_MINUTES * 60_000);
  const graceStart = new Date(now.getTime() - QUIET_GRACE_MINUTES * 60_000);
  return Promise.all(
    PROVIDER_CHANNELS.map(async (p) => {
      const [row] = await db.prisma.$queryRawUnsafe<Array<{ last: Date | null; sent: boolean }>>(
        `SELECT (SELECT max(received_at) FROM webhook_request WHERE provider = $1) AS last,
                EXISTS (SELECT 1 FROM message WHERE sent_at >= $3::timestamptz AND sent_at < $4::timestamptz
                          AND channel = $2) AS sent`,
        p.provider,
        p.channel,
        windowStart.toISOString(),
        graceStart.toISOString(),
      );
      const last = row?.last ? new Date(row.last) : null;
      return {
        ...p,
        lastRequestAt: last,
        quiet: Boolean(row?.sent) && (!last || last < windowStart),
      };
    }),
  );
}
