// What the support pages' bench adds to `npm run seed`'s messages: suppressions for the bounced and
// unreachable recipients (with their causing event), one message with 50 events (a long timeline), and
// the search terms to time — a seeded phone number in another spelling and a seeded Twilio SID.
import { randomUUID } from "node:crypto";
import type { Database } from "../../lib/db/open";

export interface SupportTargets {
  phoneQuery: string;
  sid: string;
  longMessageId: string;
  suppressions: number;
}

const ADD_SUPPRESSIONS = `
INSERT INTO suppression (channel, recipient, scope, reason, message_id, event_id, detail, created_at, updated_at)
SELECT DISTINCT ON (m.channel, m.recipient) m.channel, m.recipient, '',
       CASE WHEN m.channel = 'email' THEN 'hard_bounce' ELSE 'invalid_number' END, m.id,
       (SELECT e.id FROM message_event e WHERE e.message_id = m.id ORDER BY e.received_at DESC LIMIT 1),
       NULL, m.sent_at, m.sent_at
  FROM message m
 WHERE (m.status = 'bounced' AND m.bounce_type = 'Permanent') OR m.error_code IN ('30005', '30006')
 ORDER BY m.channel, m.recipient, m.sent_at DESC
ON CONFLICT DO NOTHING`;

// 50 delivery reports, as a busy message collects: Twilio reports in every order, some twice.
const ADD_LONG_MESSAGE = `
WITH m AS (
  INSERT INTO message (id, channel, recipient, sender, campaign, provider, status, status_rank, status_at, sent_at,
                       delivered_at)
  VALUES ($1::uuid, 'sms', '+14155550100', '+14155550199', 'bench-long', 'twilio', 'delivered', 4, now(), now() - interval '1 hour', now())
  RETURNING id),
x AS (INSERT INTO message_external_id (message_id, provider, external_id) SELECT id, 'twilio', $2 FROM m)
INSERT INTO message_event (provider, channel, effect_key, delivery_id, request_id, external_id, message_id,
                           event_type, status, received_at, recipient, late)
SELECT 'twilio', 'sms', $2 || ':' || g, 'bench-' || g, gen_random_uuid(), $2, $1::uuid,
       (ARRAY['queued','sending','sent','delivered'])[1 + g % 4], (ARRAY['queued','sending','sent','delivered'])[1 + g % 4],
       now() - interval '1 hour' + g * interval '1 minute', '+14155550100', g % 4 <> 3 AND g > 3
  FROM generate_series(1, 50) AS g`;

export async function addSupportData(db: Database): Promise<SupportTargets> {
  return db.sql.transaction(async (s) => {
    const inserted = await s.query<{ n: number }>(
      `WITH s AS (${ADD_SUPPRESSIONS} RETURNING 1) SELECT count(*)::int AS n FROM s`,
    );
    const longMessageId = randomUUID();
    const longSid = "SM" + randomUUID().replace(/-/g, "");
    await s.query(ADD_LONG_MESSAGE, [longMessageId, longSid]);
    const [phone] = await s.query<{ recipient: string }>(
      "SELECT recipient FROM message WHERE channel = 'sms' AND campaign IS NOT NULL ORDER BY sent_at DESC LIMIT 1",
    );
    const [sid] = await s.query<{ external_id: string }>(
      "SELECT external_id FROM message_external_id WHERE provider = 'twilio' ORDER BY id LIMIT 1 OFFSET 500",
    );
    await s.exec("ANALYZE suppression; ANALYZE message; ANALYZE message_event");
    return {
      phoneQuery: spellNationally(phone.recipient),
      sid: sid.external_id,
      longMessageId,
      suppressions: inserted[0].n,
    };
  });
}

/** "+12005550042" → "+1 (200) 555-0042": the same number as a person types it. */
export function spellNationally(e164: string): string {
  return `+1 (${e164.slice(2, 5)}) ${e164.slice(5, 8)}-${e164.slice(8)}`;
}
