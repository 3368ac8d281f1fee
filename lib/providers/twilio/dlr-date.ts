// RawDlrDoneDate is the carrier's delivery-receipt time as YYMMDDhhmm with no time zone. Carriers
// usually report UTC, but Twilio does not promise it: the result is a best-effort reading as UTC.

const DLR_DATE = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

/** `"2402291530"` → `"2024-02-29T15:30:00.000Z"` (read as UTC); null when absent or not a real date. */
export function parseRawDlrDoneDate(raw: string | undefined): string | null {
  const match = raw === undefined ? null : DLR_DATE.exec(raw);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(2000 + year, month - 1, day, hour, minute));
  const roundTrips =
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute;
  return roundTrips ? date.toISOString() : null;
}
