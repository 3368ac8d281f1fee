"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { createKey, type ActionState } from "@/lib/settings/actions";
import { FormFeedback } from "./form-error";
import { OneTimeSecret } from "./one-time-secret";

export function CreateKeyForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(createKey, {});
  return (
    <form action={action} className="rounded-md border border-line p-3">
      <h3 className="mb-2 text-sm font-semibold">Create a key</h3>
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-48 flex-1 space-y-1">
          <Label htmlFor="key-name">Name</Label>
          <Input id="key-name" name="name" placeholder="e.g. checkout service" required maxLength={100} />
        </div>
        <div className="space-y-1">
          <Label htmlFor="key-scope">Scope</Label>
          <Select id="key-scope" name="scope" defaultValue="write">
            <option value="write">write (register messages, lift suppressions)</option>
            <option value="read">read (lists, metrics)</option>
          </Select>
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create key"}
        </Button>
      </div>
      {state.secret ? (
        <OneTimeSecret message={state.message} value={state.secret} testId="new-api-key" />
      ) : (
        <FormFeedback error={state.error} />
      )}
    </form>
  );
}
