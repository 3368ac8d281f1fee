import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getPageUser } from "@/lib/auth/require-page-user";
import { safeNextPath } from "@/lib/auth/safe-next";
import { getShellStatus } from "@/lib/queries/get-shell-status";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const next = safeNextPath((await searchParams).next);
  const user = await getPageUser().catch(() => null);
  if (user) redirect(next);
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">Sign in</h1>
      <p className="mb-5 text-sm text-muted">
        New here? An admin sends you an invitation link. Setting up? The first start prints a one-time setup
        link in the server log.
      </p>
      {getShellStatus().database.state === "down" && (
        <p
          role="status"
          data-testid="database-down"
          className="mb-4 rounded-md border border-warning/40 bg-warning-soft px-3 py-2 text-sm"
        >
          The database is not answering, so nobody can sign in right now. Signalboard keeps retrying; webhooks
          are answered with 503 meanwhile, so the providers retry too.
        </p>
      )}
      <SignInForm next={next} />
    </>
  );
}
