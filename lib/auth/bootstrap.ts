// What start-up does for access, once the database is ready:
//  - ADMIN_EMAIL + ADMIN_PASSWORD: create that admin, or update its password and role (automation, tests);
//  - else, while no user exists: print a one-time setup link. The dashboard shares its origin with the
//    public webhooks, so the first visitor must not become admin by arriving first: only the person who
//    can read the server's log can claim the instance.
import { getBaseUrl } from "../config/validate";
import type { Config } from "../env";
import type { Database } from "../db/open";
import { logger } from "../logger";
import { recordAudit, SYSTEM_ACTOR } from "../audit/record";
import { createAccessLink, retireSetupLinks } from "./access-links";
import { getAuth } from "./server";
import { createUserWithPassword, setUserPassword } from "./users";

export async function bootstrapAccess(db: Database, config: Config): Promise<{ setupUrl?: string }> {
  if (config.ADMIN_EMAIL && config.ADMIN_PASSWORD) {
    await ensureConfiguredAdmin(db, config.ADMIN_EMAIL, config.ADMIN_PASSWORD);
    return {};
  }
  if ((await db.prisma.user.count()) > 0) return {};
  // A new link on every start; the previous one stops working.
  await retireSetupLinks(db);
  const link = await createAccessLink(db, { purpose: "setup", role: "admin" });
  const setupUrl = getBaseUrl(config) + link.path;
  logger.info(
    { setupLinkExpires: link.expiresAt.toISOString() },
    `No user yet: open this one-time link to create the first admin: ${setupUrl}`,
  );
  return { setupUrl };
}

async function ensureConfiguredAdmin(db: Database, email: string, password: string): Promise<void> {
  const normalized = email.trim().toLowerCase();
  const existing = await db.prisma.user.findUnique({ where: { email: normalized } });
  if (!existing) {
    const user = await createUserWithPassword(db, {
      email: normalized,
      name: "Admin",
      role: "admin",
      password,
    });
    await recordAudit(
      {
        actor: SYSTEM_ACTOR,
        action: "user.created",
        target: normalized,
        details: { role: "admin", by: "ADMIN_EMAIL" },
      },
      { db },
    );
    logger.info({ userId: user.id }, "created the admin from ADMIN_EMAIL");
    return;
  }
  const ctx = await getAuth().$context;
  const account = await ctx.internalAdapter.findCredentialAccount(existing.id);
  const same = account?.password ? await ctx.password.verify({ password, hash: account.password }) : false;
  if (!same) await setUserPassword(db, existing.id, password);
  if (existing.role !== "admin" || existing.disabledAt)
    await db.prisma.user.update({ where: { id: existing.id }, data: { role: "admin", disabledAt: null } });
  if (!same || existing.role !== "admin" || existing.disabledAt)
    await recordAudit(
      {
        actor: SYSTEM_ACTOR,
        action: "user.password_set",
        target: normalized,
        details: { by: "ADMIN_EMAIL" },
      },
      { db },
    );
}
