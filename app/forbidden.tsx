// Rendered (with status 403) when a signed-in user opens a page their role may not see.
import Link from "next/link";

export default function Forbidden() {
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-md flex-col justify-center gap-3 px-4">
      <h1 className="text-2xl font-semibold">Not for your role</h1>
      <p className="text-sm text-muted">
        Your account cannot open this page. An admin can change your role on Settings → Users.
      </p>
      <Link href="/" className="text-sm font-medium text-accent underline underline-offset-2">
        Back to the overview
      </Link>
    </main>
  );
}
