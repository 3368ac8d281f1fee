// The signed-in app shell: header, navigation (the sections the user's role may open), the user menu,
// the development-secret banner, and the page.
import type { ReactNode } from "react";
import { AppHeader } from "@/components/shell/app-header";
import { visibleNavItems } from "@/components/shell/nav-items";
import { DevSecretsBanner } from "@/components/shell/dev-secrets-banner";
import { UserMenu } from "@/components/shell/user-menu";
import { requirePageUser } from "@/lib/auth/require-page-user";
import { getShellStatus } from "@/lib/queries/get-shell-status";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  // Every page below is signed-in only; pages narrow it further by role.
  const user = await requirePageUser();
  const status = getShellStatus();
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-surface focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <AppHeader status={status} userMenu={<UserMenu user={user} />} navItems={visibleNavItems(user.role)} />
      <DevSecretsBanner providers={status.devSecretProviders} />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        {children}
      </main>
    </div>
  );
}
