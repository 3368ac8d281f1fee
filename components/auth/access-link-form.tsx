"use client";
// The form of a one-time link: name and email (setup), name (invite), or only a new password (reset).
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { completeAccessLink, type LinkFormState } from "@/lib/auth/complete-link";

export function AccessLinkForm({
  token,
  purpose,
  email,
  submitLabel,
}: {
  token: string;
  purpose: "setup" | "invite" | "reset";
  email?: string | null;
  submitLabel: string;
}) {
  const [state, action, pending] = useActionState<LinkFormState, FormData>(completeAccessLink, {});
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="purpose" value={purpose} />
      {purpose !== "reset" && (
        <div className="space-y-1.5">
          <Label htmlFor="name">Your name</Label>
          <Input id="name" name="name" autoComplete="name" required />
        </div>
      )}
      <div className="space-y-1.5">
        <Label htmlFor="email">Email</Label>
        {purpose === "setup" ? (
          <Input id="email" name="email" type="email" autoComplete="username" required />
        ) : (
          <Input id="email" type="email" autoComplete="username" value={email ?? ""} readOnly />
        )}
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="password">{purpose === "reset" ? "New password" : "Password"}</Label>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={12}
          required
          aria-describedby="password-hint"
        />
        <p id="password-hint" className="text-xs text-muted">
          At least 12 characters.
        </p>
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="confirm">Repeat the password</Label>
        <Input
          id="confirm"
          name="confirm"
          type="password"
          autoComplete="new-password"
          minLength={12}
          required
        />
      </div>
      {state.error && (
        <p role="alert" className="rounded-md border border-danger/40 bg-danger-soft px-3 py-2 text-sm">
          {state.error}
        </p>
      )}
      <Button type="submit" className="w-full justify-center" disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </Button>
    </form>
  );
}
