// Shown on every page while generated local development secrets are in force: simulated traffic is
// accepted, but the named provider's real callbacks are refused until its real secret is set.
import { TriangleAlert } from "lucide-react";

export function DevSecretsBanner({ providers }: { providers: string[] }) {
  if (providers.length === 0) return null;
  const names = providers.join(" and ");
  return (
    <div role="status" className="border-b border-warning/40 bg-warning-soft text-fg">
      <p className="mx-auto flex max-w-6xl items-start gap-2 px-4 py-2 text-sm">
        <TriangleAlert className="mt-0.5 size-4 shrink-0 text-warning" aria-hidden />
        <span>
          <strong>Local development secret in force for {names}.</strong> Simulated traffic (
          <code>npm run simulate</code>) is accepted; real {names} callbacks are refused until you set the
          real secret in the environment or <code>.env.local</code> (see Settings).
        </span>
      </p>
    </div>
  );
}
