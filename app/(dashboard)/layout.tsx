// The signed-in app shell: header, navigation, the development-secret banner, and the page.
import type { ReactNode } from "react";
import { AppHeader } from "@/components/shell/app-header";
import { DevSecretsBanner } from "@/components/shell/dev-secrets-banner";
import { getShellStatus } from "@/lib/queries/get-shell-status";

export const dynamic = "force-dynamic";

export default function DashboardLayout({ children }: { children: ReactNode }) {
  const status = getShellStatus();
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-surface focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <AppHeader status={status} />
      <DevSecretsBanner providers={status.devSecretProviders} />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        {children}
      </main>
    </div>
  );
}
