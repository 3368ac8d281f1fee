// The app's sections, in the order the header shows them. A section is current for its own path and
// everything below it (/messages/123 is under Messages); "/" only for itself.
export interface NavItem {
  href: string;
  label: string;
}

export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: "Overview" },
  { href: "/messages", label: "Messages" },
  { href: "/suppressions", label: "Suppressions" },
  { href: "/events", label: "Events" },
  { href: "/operations", label: "Operations" },
  { href: "/settings", label: "Settings" },
];

export function isCurrentSection(href: string, pathname: string): boolean {
  if (href === "/") return pathname === "/";
  return pathname === href || pathname.startsWith(href + "/");
}
