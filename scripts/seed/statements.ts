// The bulk SQL of one seed chunk: the chunk's messages are computed once into a temporary table (every
// random choice made there), then copied into message, message_external_id and message_event, and
// summed into the counters (message_stat) and rollups (message_rollup) exactly as ingest keeps them
// (docs/metrics.md), so the overview and the API read seeded data like real data.
import {
  BOUNCES,
  CLICK_SHARE,
  COMPLAINT_SHARE,
  EMAIL_CAMPAIGNS,
  EMAIL_STATUSES,
  FAILED_CODES,
  LINKS,
  OPEN_SHARE,
  pickSql,
  rankSql,
  SMS_CAMPAIGNS,
  SMS_STATUSES,
  UNDELIVERED_CODES,
} from "./mix";

/** Share of messages that are SMS (the rest email). */
const SMS_SHARE = 0.45;
const HOUR_BUCKET = (col: string) => `date_trunc('hour', ${col} AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'`;

/** $1 first index, $2 last index, $3 now, $4 days, $5 chunk label. */
export const CREATE_CHUNK = `
CREATE TEMP TABLE seed_chunk AS
SELECT *,
       CASE WHEN status IN ('delivered', 'undelivered', 'failed', 'bounced', 'suppressed')
            THEN sent_at + (2 + r_code * 58) * interval '1 second' END AS settled_at,
       CASE WHEN opened THEN sent_at + (60 + r_open * 6 * 3600) * interval '1 second' END AS opened_at
  FROM (
    SELECT *,
           channel = 'email' AND status = 'delivered' AND r_open < ${OPEN_SHARE} AS opened,
           channel = 'email' AND status = 'delivered' AND r_open < ${CLICK_SHARE} AS clicked,
           channel = 'email' AND status = 'delivered' AND r_complaint < ${COMPLAINT_SHARE} AS complained,
           CASE WHEN channel = 'sms' AND status = 'undelivered' THEN ${pickSql("r_code", UNDELIVERED_CODES)}
                WHEN channel = 'sms' AND status = 'failed' THEN ${pickSql("r_code", FAILED_CODES)} END AS error_code,
           CASE WHEN channel = 'email' AND status = 'bounced' THEN ${pickSql("r_code", BOUNCES)} END AS bounce,
           ${pickSql("r_link", LINKS)} AS click_link
      FROM (
        SELECT *,
               CASE WHEN channel = 'sms' THEN ${pickSql("r_campaign", SMS_CAMPAIGNS)}
                    ELSE ${pickSql("r_campaign", EMAIL_CAMPAIGNS)} END AS campaign,
               CASE WHEN channel = 'sms' THEN ${pickSql("r_status", SMS_STATUSES)}
                    ELSE ${pickSql("r_status", EMAIL_STATUSES)} END AS status,
               CASE WHEN channel = 'sms' THEN 'twilio' ELSE 'resend' END AS provider
          FROM (
            SELECT g, gen_random_uuid() AS id,
                   CASE WHEN random() < ${SMS_SHARE} THEN 'sms' ELSE 'email' END AS channel,
                   $3::timestamptz - random() * $4::int * interval '1 day' AS sent_at,
                   random() AS r_campaign, random() AS r_status, random() AS r_code, random() AS r_open,
                   random() AS r_complaint, random() AS r_link
              FROM generate_series($1::int, $2::int) AS g) AS draws) AS picked) AS facts`;

export const INSERT_MESSAGES = `
INSERT INTO message (id, channel, recipient, sender, subject, campaign, provider, status, status_rank, status_at,
                     sent_at, delivered_at, failed_at, bounced_at, complained_at, first_opened_at, first_clicked_at,
                     open_count, click_count, error_code, bounce_type, bounce_sub_type, metadata, created_at, updated_at)
SELECT id, channel,
       CASE WHEN channel = 'sms' THEN '+1' || (200 + g % 700)::text || '555' || lpad((g % 10000)::text, 4, '0')
            ELSE 'customer' || g || '@example.com' END,
       CASE WHEN channel = 'sms' THEN '+14155550199' ELSE 'notifications@example.com' END,
       CASE WHEN channel = 'email' THEN 'Your ' || replace(coalesce(nullif(campaign, ''), 'account'), '-', ' ') || ' update' END,
       nullif(campaign, ''), provider, status, ${rankSql("channel", "status")},
       coalesce(opened_at, settled_at, sent_at + interval '1 second'), sent_at,
       CASE WHEN status = 'delivered' THEN settled_at END,
       CASE WHEN status IN ('failed', 'undelivered') THEN settled_at END,
       CASE WHEN status = 'bounced' THEN settled_at END,
       CASE WHEN complained THEN settled_at + interval '2 hours' END,
       opened_at,
       CASE WHEN clicked THEN opened_at + interval '40 seconds' END,
       CASE WHEN opened THEN 1 + (r_link * 3)::int ELSE 0 END,
       CASE WHEN clicked THEN 1 ELSE 0 END,
       error_code, split_part(bounce, '/', 1), nullif(split_part(bounce, '/', 2), ''),
       jsonb_build_object('seed', $1::text), sent_at, sent_at
  FROM seed_chunk`;

const externalId = `CASE WHEN provider = 'twilio' THEN 'SM' || replace(id::text, '-', '') ELSE id::text END`;

export const INSERT_EXTERNAL_IDS = `
INSERT INTO message_external_id (message_id, provider, external_id, created_at)
SELECT id, provider, ${externalId}, sent_at FROM seed_chunk`;

/** One row per event a provider would have sent for the message's outcome. */
export const INSERT_EVENTS = `
INSERT INTO message_event (provider, channel, effect_key, delivery_id, request_id, external_id, message_id, event_type,
                           status, occurred_at, received_at, recipient, error_code, bounce_type, bounce_sub_type, details)
SELECT provider, channel, ext || ':' || e.status, ext || ':' || e.status, gen_random_uuid(), ext, id,
       CASE WHEN provider = 'resend' THEN 'email.' || e.status ELSE e.status END, e.status,
       CASE WHEN provider = 'resend' THEN e.at END, e.at, NULL,
       CASE WHEN e.final THEN error_code END,
       CASE WHEN e.final THEN split_part(bounce, '/', 1) END,
       CASE WHEN e.final THEN nullif(split_part(bounce, '/', 2), '') END,
       CASE WHEN e.status = 'clicked' THEN jsonb_build_object('click', jsonb_build_object('link', click_link))
            ELSE '{}'::jsonb END
  FROM (SELECT *, ${externalId} AS ext FROM seed_chunk) AS c
 CROSS JOIN LATERAL (VALUES
       (CASE WHEN status NOT IN ('queued', 'failed', 'suppressed') THEN 'sent' END, sent_at + interval '1 second', false),
       (CASE WHEN status NOT IN ('sent') THEN status END, coalesce(settled_at, sent_at + interval '2 seconds'), true),
       (CASE WHEN opened THEN 'opened' END, opened_at, false),
       (CASE WHEN clicked THEN 'clicked' END, opened_at + interval '40 seconds', false),
       (CASE WHEN complained THEN 'complained' END, settled_at + interval '2 hours', false)) AS e(status, at, final)
 WHERE e.status IS NOT NULL`;

export const INSERT_COUNTERS = `
INSERT INTO message_stat (bucket, channel, campaign, metric, count)
SELECT ${HOUR_BUCKET("sent_at")}, channel, campaign, metric, count(*)
  FROM seed_chunk
 CROSS JOIN LATERAL (VALUES ('total'), (status), (CASE WHEN opened THEN 'opened' END),
                            (CASE WHEN clicked THEN 'clicked' END), (CASE WHEN complained THEN 'complained' END)) AS m(metric)
 WHERE metric IS NOT NULL
 GROUP BY 1, 2, 3, 4
ON CONFLICT (bucket, channel, campaign, metric) DO UPDATE SET count = message_stat.count + EXCLUDED.count`;

export const INSERT_ROLLUPS = `
INSERT INTO message_rollup (bucket, channel, campaign, dimension, value, count)
SELECT ${HOUR_BUCKET("sent_at")}, channel, campaign, r.dimension, r.value, count(*)
  FROM seed_chunk
 CROSS JOIN LATERAL (VALUES
       (CASE WHEN channel = 'sms' AND status IN ('undelivered', 'failed') THEN 'sms_error' END, coalesce(error_code, '')),
       (CASE WHEN channel = 'email' AND status = 'bounced' THEN 'email_bounce' END,
        split_part(bounce, '/', 1) || '/' || split_part(bounce, '/', 2)),
       (CASE WHEN clicked THEN 'link' END, click_link)) AS r(dimension, value)
 WHERE r.dimension IS NOT NULL
 GROUP BY 1, 2, 3, 4, 5
ON CONFLICT (bucket, channel, campaign, dimension, value) DO UPDATE SET count = message_rollup.count + EXCLUDED.count`;

export const DROP_CHUNK = `DROP TABLE IF EXISTS seed_chunk`;
