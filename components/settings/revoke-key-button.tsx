"use client";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { revokeKey, type ActionState } from "@/lib/settings/actions";
import { FormFeedback } from "./form-error";

export function RevokeKeyButton({ id, name }: { id: string; name: string }) {
  const [state, setState] = useState<ActionState>({});
  const [pending, startTransition] = useTransition();
  return (
    <>
      <Button
        variant="danger"
        size="sm"
        disabled={pending}
        aria-label={`Revoke the key ${name}`}
        onClick={() => startTransition(async () => setState(await revokeKey(id)))}
      >
        Revoke
      </Button>
      <FormFeedback error={state.error} />
    </>
  );
}
