// One line per scenario and database with its counts, printed whether it passes or fails: the run's record
// of how much was thrown at the server and what came back.
export function report(scenario: string, target: string, facts: Record<string, unknown>): void {
  const text = Object.entries(facts)
    .map(([key, value]) => `${key}=${typeof value === "object" ? JSON.stringify(value) : String(value)}`)
    .join(" ");
  process.stderr.write(`[chaos] ${scenario} · ${target}: ${text}\n`);
}
