// The synthetic traffic's shape: campaigns per channel, outcome shares, Twilio error codes and Resend
// bounce types as a sender sees them, written as SQL CASE expressions over uniform random numbers.
import { statusRank } from "../../lib/status/rank";

/** [value, share] lists; shares add up to 1. */
type Mix = ReadonlyArray<readonly [string, number]>;

export const SMS_CAMPAIGNS: Mix = [
  ["order-updates", 0.35],
  ["appointment-reminders", 0.25],
  ["login-codes", 0.2],
  ["black-friday", 0.15],
  ["", 0.05],
];
export const EMAIL_CAMPAIGNS: Mix = [
  ["weekly-digest", 0.3],
  ["welcome-series", 0.2],
  ["order-updates", 0.2],
  ["black-friday", 0.15],
  ["password-reset", 0.1],
  ["", 0.05],
];
export const SMS_STATUSES: Mix = [
  ["delivered", 0.86],
  ["undelivered", 0.06],
  ["failed", 0.03],
  ["sent", 0.03],
  ["queued", 0.02],
];
export const EMAIL_STATUSES: Mix = [
  ["delivered", 0.9],
  ["bounced", 0.04],
  ["sent", 0.03],
  ["delivery_delayed", 0.015],
  ["suppressed", 0.01],
  ["failed", 0.005],
];
export const UNDELIVERED_CODES: Mix = [
  ["30003", 0.4],
  ["30005", 0.2],
  ["30006", 0.15],
  ["30007", 0.15],
  ["30008", 0.1],
];
export const FAILED_CODES: Mix = [
  ["21610", 0.35],
  ["21211", 0.3],
  ["30032", 0.2],
  ["30007", 0.15],
];
export const BOUNCES: Mix = [
  ["Permanent/General", 0.5],
  ["Permanent/NoEmail", 0.2],
  ["Temporary/MailboxFull", 0.2],
  ["Temporary/General", 0.1],
];
export const LINKS: Mix = [
  ["https://example.com/offers/black-friday", 0.3],
  ["https://example.com/account", 0.25],
  ["https://example.com/orders/track", 0.2],
  ["https://example.com/blog/whats-new", 0.15],
  ["https://example.com/help", 0.1],
];
/** Of delivered email. Clicked ⊂ opened. */
export const OPEN_SHARE = 0.45;
export const CLICK_SHARE = 0.12;
export const COMPLAINT_SHARE = 0.001;

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** CASE WHEN r < share₁ THEN v₁ WHEN r < share₁+share₂ … over a uniform random column `r`. */
export function pickSql(r: string, mix: Mix): string {
  let cumulative = 0;
  const whens = mix.slice(0, -1).map(([value, share]) => {
    cumulative += share;
    return `WHEN ${r} < ${cumulative.toFixed(6)} THEN ${quote(value)}`;
  });
  return `(CASE ${whens.join(" ")} ELSE ${quote(mix[mix.length - 1][0])} END)`;
}

/** The rank the status layer gives each status (so seeded messages fold in later events correctly). */
export function rankSql(channelColumn: string, statusColumn: string): string {
  const cases = [
    ...SMS_STATUSES.map(
      ([s]) =>
        `WHEN ${channelColumn} = 'sms' AND ${statusColumn} = ${quote(s)} THEN ${statusRank("sms", s) ?? 0}`,
    ),
    ...EMAIL_STATUSES.map(
      ([s]) =>
        `WHEN ${channelColumn} = 'email' AND ${statusColumn} = ${quote(s)} THEN ${statusRank("email", s) ?? 0}`,
    ),
  ];
  return `(CASE ${cases.join(" ")} ELSE 0 END)`;
}
