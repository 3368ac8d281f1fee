"use server";
// Signing out from the user menu: deletes the session row and the cookie, then goes to sign-in.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "./server";

export async function signOut(): Promise<void> {
  await getAuth()
    .api.signOut({ headers: await headers() })
    .catch(() => undefined); // already signed out: nothing to undo
  redirect("/sign-in");
}
