"use server";
// The one server action behind the setup, invite and password-reset pages: checks the link, creates
// the user (or sets the password), marks the link used, records it, and signs the person in.
// Next.js checks a server action's Origin against the host, so this cannot be posted from another site.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDatabase } from "../db/runtime";
import { recordAudit } from "../audit/record";
import { findOpenLink, consumeLink, type LinkPurpose } from "./access-links";
import { isRole } from "./roles";
import { getAuth } from "./server";
import { createUserWithPassword, setUserPassword, UserChangeError } from "./users";

export interface LinkFormState {
  error?: string;
}

const formSchema = z.object({
  token: z.string().min(1).max(200),
  purpose: z.enum(["setup", "invite", "reset"]),
  name: z.string().trim().max(100).optional(),
  email: z.string().trim().max(254).optional(),
  password: z.string().min(12, "Use at least 12 characters.").max(256, "Use at most 256 characters."),
  confirm: z.string(),
});

export async function completeAccessLink(_prev: LinkFormState, form: FormData): Promise<LinkFormState> {
  const parsed = formSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Check the form." };
  const input = parsed.data;
  if (input.password !== input.confirm) return { error: "The two passwords differ." };
  const db = await getDatabase();
  const link = await findOpenLink(db, input.token, input.purpose as LinkPurpose);
  if (!link) return { error: "This link has expired or was already used. Ask for a new one." };

  let email: string;
  try {
    if (link.purpose === "reset") {
      const user = link.userId ? await db.prisma.user.findUnique({ where: { id: link.userId } }) : null;
      if (!user) return { error: "The user of this link no longer exists." };
      if (!(await consumeLink(db, link.id))) return { error: "This link was already used." };
      await setUserPassword(db, user.id, input.password);
      email = user.email;
      await recordAudit(
        { actor: { id: user.id, label: email }, action: "user.password_set", target: email },
        { db },
      );
    } else {
      email = (link.purpose === "invite" ? link.email : input.email)?.toLowerCase() ?? "";
      if (!z.email().safeParse(email).success) return { error: "Enter a valid email address." };
      if (link.purpose === "setup" && (await db.prisma.user.count()) > 0)
        return { error: "This instance has been claimed already. Sign in instead." };
      const role = link.purpose === "setup" ? "admin" : isRole(link.role) ? link.role : "support";
      if (!(await consumeLink(db, link.id))) return { error: "This link was already used." };
      const user = await createUserWithPassword(db, {
        email,
        name: input.name || email,
        role,
        password: input.password,
      });
      await recordAudit(
        {
          actor: { id: user.id, label: email },
          action: link.purpose === "setup" ? "instance.claimed" : "user.created",
          target: email,
          details: { role },
        },
        { db },
      );
    }
  } catch (error) {
    if (error instanceof UserChangeError) return { error: error.message };
    throw error;
  }
  await getAuth().api.signInEmail({ body: { email, password: input.password }, headers: await headers() });
  redirect("/");
}
