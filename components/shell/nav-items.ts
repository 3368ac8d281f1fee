// The app's sections, in the order the header shows them. A section is current for its own path and
// everything below it (/messages/123 is under Messages); "/" only for itself.
import type { Role } from "@/lib/auth/roles";

export interface NavItem {
  href: string;
  label: string;
  /** Roles that may open it; every role when absent. */
  roles?: Role[];
}

export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: "Overview" },
  { href: "/messages", label: "Messages" },
  { href: "/suppressions", label: "Suppressions", roles: ["admin", "support"] },
  { href: "/events", label: "Events", roles: ["admin", "support"] },
  { href: "/operations", label: "Operations", roles: ["admin", "support"] },
  { href: "/settings", label: "Settings", roles: ["admin"] },
];

/** The sections a role may open: the others are not offered (their pages answer 403 anyway). */
export function visibleNavItems(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.roles || item.roles.includes(role));
}

export function isCurrentSection(href: string, pathname: string): boolean {
  if (href === "/") return pathname === "/";
  return pathname === href || pathname.startsWith(href + "/");
}
