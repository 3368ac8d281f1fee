"use client";
// Per-user controls: role, disable/enable, and a one-time password reset link.
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { ROLES } from "@/lib/auth/roles";
import { makeResetLink, updateUserDisabled, updateUserRole, type ActionState } from "@/lib/settings/actions";
import { FormFeedback } from "./form-error";
import { OneTimeSecret } from "./one-time-secret";

export function UserRowActions({
  user,
  isSelf,
}: {
  user: { id: string; email: string; role: string; disabled: boolean };
  isSelf: boolean;
}) {
  const [state, setState] = useState<ActionState>({});
  const [pending, startTransition] = useTransition();
  const run = (action: () => Promise<ActionState>) => startTransition(async () => setState(await action()));
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        <Select
          aria-label={`Role of ${user.email}`}
          defaultValue={user.role}
          disabled={pending}
          onChange={(e) => run(() => updateUserRole(user.id, e.target.value))}
          className="h-8"
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </Select>
        {!isSelf && (
          <Button
            variant="secondary"
            size="sm"
            disabled={pending}
            onClick={() => run(() => updateUserDisabled(user.id, !user.disabled))}
          >
            {user.disabled ? "Enable" : "Disable"}
          </Button>
        )}
        <Button
          variant="secondary"
          size="sm"
          disabled={pending}
          onClick={() => run(() => makeResetLink(user.id))}
        >
          Reset password
        </Button>
      </div>
      {state.secret ? (
        <OneTimeSecret message={state.message} value={state.secret} testId="reset-link" />
      ) : (
        <FormFeedback {...state} />
      )}
    </div>
  );
}
