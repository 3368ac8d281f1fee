// Who may do what. One table, read by pages (requirePageUser), the API wrapper and the navigation, so a
// role's reach is decided in one place.
export const ROLES = ["admin", "support", "marketing"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: "Everything: users, API keys, settings, lifting suppressions, replays",
  support: "Messages with full recipients, suppressions, the live event log",
  marketing: "The overview and campaign metrics; messages read-only with recipients masked",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** Marketing sees recipients masked everywhere (pages, API answers, exports). */
export function canSeeRecipients(user: { role: Role }): boolean {
  return user.role !== "marketing";
}

/** Changes data (register messages, lift suppressions): admin and support. */
export function canWrite(user: { role: Role }): boolean {
  return user.role !== "marketing";
}

/** Replays stored webhook requests through the pipeline again (one, or rejected ones in bulk): admin only. */
export function canReplay(user: { role: Role }): boolean {
  return user.role === "admin";
}
