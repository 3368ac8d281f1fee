// The server side of the setup, invite and reset pages: opens the link or says why it does not work.
import Link from "next/link";
import { findOpenLink, type LinkPurpose } from "@/lib/auth/access-links";
import { getDatabase } from "@/lib/db/runtime";
import { AccessLinkForm } from "./access-link-form";

const COPY: Record<LinkPurpose, { title: string; intro: string; submit: string }> = {
  setup: {
    title: "Create the first admin",
    intro:
      "This one-time link from the server log claims this Signalboard. The admin can then invite others.",
    submit: "Create admin and sign in",
  },
  invite: {
    title: "Join Signalboard",
    intro: "Choose a password to accept the invitation.",
    submit: "Join and sign in",
  },
  reset: {
    title: "Set a new password",
    intro: "This link sets a new password and signs you out elsewhere.",
    submit: "Set password and sign in",
  },
};

export async function AccessLinkPage({
  purpose,
  token,
}: {
  purpose: LinkPurpose;
  token: string | undefined;
}) {
  const db = await getDatabase();
  const link = token ? await findOpenLink(db, token, purpose) : null;
  const claimed = purpose === "setup" && (await db.prisma.user.count()) > 0;
  const copy = COPY[purpose];
  if (!link || !token || claimed) {
    return (
      <>
        <h1 className="mb-2 text-xl font-semibold">This link does not work</h1>
        <p className="mb-4 text-sm text-muted">
          {claimed
            ? "This Signalboard has an admin already."
            : purpose === "setup"
              ? "It has expired, was already used, or a newer one was printed. Restart Signalboard to print a new setup link in its log."
              : "It has expired or was already used. Ask an admin for a new one."}
        </p>
        <Link href="/sign-in" className="text-sm font-medium text-accent underline underline-offset-2">
          Go to sign-in
        </Link>
      </>
    );
  }
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">{copy.title}</h1>
      <p className="mb-5 text-sm text-muted">{copy.intro}</p>
      <AccessLinkForm token={token} purpose={purpose} email={link.email} submitLabel={copy.submit} />
    </>
  );
}
