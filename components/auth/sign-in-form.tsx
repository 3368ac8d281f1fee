"use client";
// Posts to better-auth's sign-in endpoint from the browser, so its origin check and its throttling
// (stored in the database, shared by every instance) apply to every attempt.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

function messageFor(status: number, code: string | undefined, retryAfter: string | null): string {
  if (status === 429)
    return `Too many sign-in attempts. Wait ${retryAfter ?? "a minute"} seconds, then try again.`;
  if (code === "ACCOUNT_DISABLED") return "This account is disabled. Ask an admin to enable it.";
  if (status === 401 || code === "INVALID_EMAIL_OR_PASSWORD") return "Wrong email or password.";
  if (status === 503) return "The database is unavailable right now; try again in a moment.";
  return "Signing in did not work. Try again.";
}

export function SignInForm({ next }: { next: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const response = await fetch("/api/auth/sign-in/email", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ email: form.get("email"), password: form.get("password") }),
      });
      if (response.ok) {
        router.replace(next);
        router.refresh();
        return;
      }
      const body = (await response.json().catch(() => ({}))) as { code?: string };
      setError(messageFor(response.status, body.code, response.headers.get("x-retry-after")));
    } catch {
      setError("Signalboard did not answer. Check your connection and try again.");
    }
    setPending(false);
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate={false}>
      <div className="space-y-1.5">
        <Label htmlFor="email">Email</Label>
        <Input id="email" name="email" type="email" autoComplete="username" required autoFocus />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="password">Password</Label>
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      {error && (
        <p role="alert" className="rounded-md border border-danger/40 bg-danger-soft px-3 py-2 text-sm">
          {error}
        </p>
      )}
      <Button type="submit" className="w-full justify-center" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
