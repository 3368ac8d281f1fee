// Who is looking at a support page, and what they may see and do there: the one place the support pages
// ask, so the access rules (docs/api.md, "Roles") apply to all of them alike. Marketing reads the message
// list with recipients masked; support and admin see everything and may lift suppressions.
import { maskRecipient } from "../auth/mask";
import { requirePageUser } from "../auth/require-page-user";
import { canSeeRecipients, canWrite, type Role } from "../auth/roles";

export type { Role } from "../auth/roles";

export interface Viewer {
  role: Role;
  /** The signed-in user's id, for the audit trail. */
  id: string;
  /** The name recorded with what this person does (a lifted suppression): their email. */
  label: string;
  seesRecipients: boolean;
  canLiftSuppressions: boolean;
}

/** The viewer of a page allowed to the given roles (signed out: sign-in; another role: 403). */
export async function requireViewer(allow: Role[] = ["admin", "support", "marketing"]): Promise<Viewer> {
  const user = await requirePageUser({ allow });
  return {
    role: user.role,
    id: user.id,
    label: user.email,
    seesRecipients: canSeeRecipients(user),
    canLiftSuppressions: canWrite(user),
  };
}

/** A recipient as this viewer may see it. */
export function showRecipient(viewer: Viewer, value: string | null): string | null {
  return viewer.seesRecipients ? value : maskRecipient(value);
}
