// The three breakdown tables of the overview, from the rollups (lib/messages/rollups.ts): SMS failures by
// Twilio error code with what the code means, email bounces by type and subtype, the most clicked links.
import { explainBounce, explainTwilioError } from "../status/error-codes";

export interface RollupCount {
  dimension: string;
  value: string;
  count: number;
}

export interface FailureRow {
  /** "" when the provider gave no code. */
  code: string;
  count: number;
  /** Of all failed and undelivered SMS in the range. */
  share: number;
  title: string;
  explanation: string | null;
}

export interface BounceRow {
  type: string;
  subType: string;
  count: number;
  share: number;
  title: string;
}

export interface LinkRow {
  url: string;
  clicks: number;
}

export interface Breakdowns {
  failures: FailureRow[];
  bounces: BounceRow[];
  links: LinkRow[];
}

const byCountThenValue = (a: RollupCount, b: RollupCount) =>
  b.count - a.count || a.value.localeCompare(b.value);

function of(rows: readonly RollupCount[], dimension: string): RollupCount[] {
  return rows.filter((r) => r.dimension === dimension && r.count > 0).sort(byCountThenValue);
}

const share = (count: number, total: number) => (total > 0 ? count / total : 0);

/** `total`: every failed and undelivered SMS of the range (the rows may be only the top ones). */
export function shapeFailures(rows: readonly RollupCount[], total: number, limit = 10): FailureRow[] {
  return of(rows, "sms_error")
    .slice(0, limit)
    .map((r) => {
      const known = r.value ? explainTwilioError(r.value) : null;
      return {
        code: r.value,
        count: r.count,
        share: share(r.count, total),
        title: known?.title ?? (r.value ? `Twilio error ${r.value}` : "No error code given"),
        explanation: known?.explanation ?? null,
      };
    });
}

/** `total`: every bounced email of the range. */
export function shapeBounces(rows: readonly RollupCount[], total: number, limit = 10): BounceRow[] {
  return of(rows, "email_bounce")
    .slice(0, limit)
    .map((r) => {
      const slash = r.value.indexOf("/");
      const type = slash >= 0 ? r.value.slice(0, slash) : r.value;
      const subType = slash >= 0 ? r.value.slice(slash + 1) : "";
      return {
        type: type || "Undetermined",
        subType: subType || "Undetermined",
        count: r.count,
        share: share(r.count, total),
        title: explainBounce(type, subType)?.title ?? "Bounced",
      };
    });
}

export function shapeLinks(rows: readonly RollupCount[], limit = 10): LinkRow[] {
  return of(rows, "link")
    .slice(0, limit)
    .map((r) => ({ url: r.value, clicks: r.count }));
}

export function shapeBreakdowns(
  rows: readonly RollupCount[],
  totals: { smsFailures: number; emailBounces: number },
): Breakdowns {
  return {
    failures: shapeFailures(rows, totals.smsFailures),
    bounces: shapeBounces(rows, totals.emailBounces),
    links: shapeLinks(rows),
  };
}
