// The header on every signed-in page: product name, sections, the database indicator and (once signed
// in) the user menu.
import { Radio } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import type { ShellStatus } from "@/lib/queries/get-shell-status";
import { DatabaseIndicator } from "./database-indicator";
import { MainNav } from "./main-nav";
import type { NavItem } from "./nav-items";

export function AppHeader({
  status,
  userMenu,
  navItems,
}: {
  status: ShellStatus;
  userMenu?: ReactNode;
  navItems: NavItem[];
}) {
  return (
    <header className="border-b border-line bg-surface">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-3 px-4">
        <Link href="/" className="flex items-center gap-2 font-semibold text-fg">
          <Radio className="size-5 text-accent" aria-hidden />
          <span>Signalboard</span>
        </Link>
        <MainNav items={navItems} />
        <div className="ml-auto flex items-center gap-2">
          <DatabaseIndicator database={status.database} />
          {userMenu}
        </div>
      </div>
    </header>
  );
}
