// Pages outside the app shell: sign-in and the one-time links (setup, invite, password reset).
import { Radio } from "lucide-react";
import type { ReactNode } from "react";

export const dynamic = "force-dynamic";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main id="main" className="flex min-h-dvh flex-col items-center justify-center gap-6 px-4 py-10">
      <p className="flex items-center gap-2 text-lg font-semibold">
        <Radio className="size-6 text-accent" aria-hidden />
        Signalboard
      </p>
      <div className="w-full max-w-sm rounded-lg border border-line bg-surface p-6 shadow-xs">{children}</div>
    </main>
  );
}
