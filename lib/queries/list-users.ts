// The dashboard's users for Settings: few (people, not messages), so one bounded list.
import type { Database } from "../db/open";

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: string;
  disabled: boolean;
  createdAt: string;
  lastSignInAt: string | null;
}

const MAX_USERS = 500;

export async function listUsers(db: Database): Promise<UserRow[]> {
  const users = await db.prisma.user.findMany({ orderBy: { createdAt: "asc" }, take: MAX_USERS });
  const lastSessions = await db.prisma.session.groupBy({
    by: ["userId"],
    where: { userId: { in: users.map((u) => u.id) } },
    _max: { createdAt: true },
  });
  const lastByUser = new Map(lastSessions.map((s) => [s.userId, s._max.createdAt]));
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    disabled: u.disabledAt !== null,
    createdAt: u.createdAt.toISOString(),
    lastSignInAt: lastByUser.get(u.id)?.toISOString() ?? null,
  }));
}
