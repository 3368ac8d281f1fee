// The ports the chaos suite listens on: a small fixed range for the application servers and one for the
// private PostgreSQL servers, so two checkouts (or a CI job beside a developer) can be given ranges that never
// collide. CHAOS_PORT and CHAOS_PG_PORT move them; each range is 8 ports wide.
const RANGE = 8;

function base(variable: string, fallback: number): number {
  const value = Number(process.env[variable] || fallback);
  if (!Number.isInteger(value) || value < 1024 || value > 65535 - RANGE)
    throw new Error(`${variable} must be a port from 1024 to ${65535 - RANGE}`);
  return value;
}

/** Application server n (0–7) of the run. */
export function appPort(n: number): number {
  if (n < 0 || n >= RANGE) throw new Error(`application port index ${n} is outside 0–${RANGE - 1}`);
  return base("CHAOS_PORT", 3152) + n;
}

/**
 * Private PostgreSQL server n (0–7) of the run. The default range stays below Linux's ephemeral ports
 * (32768–60999): the suite's own client connections took 55436 once, and the server could not listen.
 */
export function postgresPort(n: number): number {
  if (n < 0 || n >= RANGE) throw new Error(`PostgreSQL port index ${n} is outside 0–${RANGE - 1}`);
  return base("CHAOS_PG_PORT", 25432) + n;
}
