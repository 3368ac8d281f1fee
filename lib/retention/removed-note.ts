// How a request whose raw body retention removed is described, in the inspector and as the reason it
// cannot be replayed. The days are the row's own (received to removed), not today's setting.
const DAY_MS = 24 * 3_600_000;

export function bodyRemovedNote(receivedAt: Date | string, bodyRemovedAt: Date | string): string {
  const days = Math.floor((new Date(bodyRemovedAt).getTime() - new Date(receivedAt).getTime()) / DAY_MS);
  return `raw body removed after ${days} ${days === 1 ? "day" : "days"} by retention`;
}
