// Times on Settings: UTC, to the minute, the same on the server and in every browser.
export function formatTime(iso: string | null): string {
  if (!iso) return "never";
  return iso.slice(0, 16).replace("T", " ") + " UTC";
}
