// The audit trail: who did what, when. Every change to who may do what (users, roles, API keys), every
// sign-in, and every action with an effect on customers' messages (lifted suppressions, replays) is
// recorded here, and shown to admins on Settings.
import type { Prisma } from "../generated/prisma/client";
import type { Database } from "../db/open";
import { getDatabase } from "../db/runtime";
import { logger } from "../logger";

/** Who acted: a signed-in user, an API key, or Signalboard itself (start-up, ADMIN_EMAIL). */
export interface AuditActor {
  id?: string | null;
  /** As shown in the trail: the user's email, "key:<name>", or "system". */
  label: string;
}

export const SYSTEM_ACTOR: AuditActor = { label: "system" };

export type AuditAction =
  | "user.sign_in"
  | "user.sign_in_refused"
  | "user.sign_out"
  | "user.invited"
  | "user.created"
  | "user.role_changed"
  | "user.disabled"
  | "user.enabled"
  | "user.password_reset_link"
  | "user.password_set"
  | "instance.claimed"
  | "api_key.created"
  | "api_key.revoked"
  | "suppression.lifted"
  | "request.replayed"
  // Other features add their own dotted names; the union documents the common ones.
  | (string & {});

export interface AuditInput {
  actor: AuditActor;
  action: AuditAction;
  /** What was acted on, as a person reads it: an email, a key's name, a recipient, a request id. */
  target?: string | null;
  /** Extra facts (old and new role, scope, reason). Never a secret. */
  details?: Record<string, unknown>;
}

/**
 * Appends one entry. Pass `db` (or a transaction's client as `tx`) to write it with the change it
 * records; without either it uses the process's database. A failure to audit is logged, not thrown:
 * the action itself already happened.
 */
export async function recordAudit(
  input: AuditInput,
  options: { db?: Database; tx?: Prisma.TransactionClient } = {},
): Promise<void> {
  try {
    const client = options.tx ?? (options.db ?? (await getDatabase())).prisma;
    await client.auditEntry.create({
      data: {
        actorId: input.actor.id ?? null,
        actorLabel: input.actor.label,
        action: input.action,
        target: input.target ?? null,
        details: (input.details ?? {}) as Prisma.InputJsonValue,
      },
    });
  } catch (error) {
    logger.error({ action: input.action, err: String(error) }, "could not record an audit entry");
  }
}
