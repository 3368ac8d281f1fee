// Errors after which the same transaction, run again from the start, may well succeed: a serialization
// failure or a deadlock (PostgreSQL rolled the transaction back and picked it as the victim), or a PGlite
// transaction slot lost to a concurrent one. Nothing of the failed attempt was committed.

const TRANSIENT =
  /40001|40P01|deadlock detected|could not serialize|Transaction API error|Unable to start a transaction/i;

/** Prisma's code for "transaction failed due to a write conflict or a deadlock". */
const PRISMA_WRITE_CONFLICT = "P2034";

export function isTransientTransactionError(error: unknown): boolean {
  if ((error as { code?: unknown } | null)?.code === PRISMA_WRITE_CONFLICT) return true;
  return TRANSIENT.test(lastLine(error));
}

function lastLine(error: unknown): string {
  if (error instanceof Error) return error.message.split("\n").filter(Boolean).slice(-1)[0] ?? error.name;
  return String(error);
}
