// One-time links: claiming the instance (setup), joining it (invite) and setting a new password (reset).
// The token is 32 random bytes shown once; only its sha256 is stored, so the database alone cannot open
// a link. A link works once, until it expires.
import { createHash, randomBytes } from "node:crypto";
import type { Database } from "../db/open";
import type { Role } from "./roles";

export type LinkPurpose = "setup" | "invite" | "reset";

export const LINK_PATHS: Record<LinkPurpose, string> = {
  setup: "/setup",
  invite: "/invite",
  reset: "/reset-password",
};

const LIFETIME_HOURS: Record<LinkPurpose, number> = { setup: 24, invite: 72, reset: 24 };

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export interface CreatedLink {
  token: string;
  path: string;
  expiresAt: Date;
}

export async function createAccessLink(
  db: Database,
  input: { purpose: LinkPurpose; email?: string; role?: Role; userId?: string; createdById?: string },
): Promise<CreatedLink> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + LIFETIME_HOURS[input.purpose] * 3600_000);
  await db.prisma.accessLink.create({
    data: {
      purpose: input.purpose,
      tokenHash: hashToken(token),
      email: input.email ?? null,
      role: input.role ?? null,
      userId: input.userId ?? null,
      createdById: input.createdById ?? null,
      expiresAt,
    },
  });
  return { token, path: `${LINK_PATHS[input.purpose]}?token=${token}`, expiresAt };
}

export interface OpenLink {
  id: string;
  purpose: LinkPurpose;
  email: string | null;
  role: string | null;
  userId: string | null;
}

/** The link a token opens, if it is unused and unexpired (and of the expected purpose). */
export async function findOpenLink(
  db: Database,
  token: string,
  purpose: LinkPurpose,
): Promise<OpenLink | null> {
  if (!token || token.length > 200) return null;
  const link = await db.prisma.accessLink.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!link || link.purpose !== purpose || link.usedAt || link.expiresAt <= new Date()) return null;
  return { id: link.id, purpose, email: link.email, role: link.role, userId: link.userId };
}

/** Marks the link used; false when another request used it first (one winner, by the WHERE clause). */
export async function consumeLink(db: Database, id: string): Promise<boolean> {
  const { count } = await db.prisma.accessLink.updateMany({
    where: { id, usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  return count === 1;
}

/** Setup links of earlier starts stop working when a new one is printed, or when the instance is claimed. */
export async function retireSetupLinks(db: Database): Promise<void> {
  await db.prisma.accessLink.updateMany({
    where: { purpose: "setup", usedAt: null },
    data: { usedAt: new Date() },
  });
}
