"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { ROLES } from "@/lib/auth/roles";
import { inviteUser, type ActionState } from "@/lib/settings/actions";
import { FormFeedback } from "./form-error";
import { OneTimeSecret } from "./one-time-secret";

export function InviteUserForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(inviteUser, {});
  return (
    <form action={action} className="rounded-md border border-line p-3">
      <h3 className="mb-2 text-sm font-semibold">Invite someone</h3>
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-48 flex-1 space-y-1">
          <Label htmlFor="invite-email">Email</Label>
          <Input id="invite-email" name="email" type="email" required />
        </div>
        <div className="space-y-1">
          <Label htmlFor="invite-role">Role</Label>
          <Select id="invite-role" name="role" defaultValue="support">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create invitation link"}
        </Button>
      </div>
      {state.secret ? (
        <OneTimeSecret message={state.message} value={state.secret} testId="invite-link" />
      ) : (
        <FormFeedback error={state.error} />
      )}
    </form>
  );
}
