"use client";
// Lift one suppression, with a reason that stays in its history. The dialog keeps focus while open and
// shows a refusal in place; on success the action returns to the list, which says what was lifted.
import { useSearchParams } from "next/navigation";
import { useActionState, useState } from "react";
import type { LiftState } from "@/app/(dashboard)/suppressions/actions";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";

export function LiftDialog({
  recipient,
  displayRecipient,
  channel,
  scope,
  reasonText,
  action,
}: {
  recipient: string;
  displayRecipient: string;
  channel: string;
  scope: string | null;
  reasonText: string;
  action: (previous: LiftState, form: FormData) => Promise<LiftState>;
}) {
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useActionState(action, { ok: false, message: "" });
  const search = useSearchParams();

  return (
    <>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogTrigger asChild>
          <Button variant="secondary" size="sm">
            Lift<span className="sr-only"> the suppression of {displayRecipient}</span>
          </Button>
        </DialogTrigger>
        <DialogContent>
          <DialogTitle>Lift the suppression of {displayRecipient}?</DialogTitle>
          <DialogDescription>
            {reasonText}. Once lifted, Signalboard tells your application it may send to this recipient again.
          </DialogDescription>
          <form action={formAction} className="mt-4 space-y-3">
            <input type="hidden" name="recipient" value={recipient} />
            <input type="hidden" name="channel" value={channel} />
            <input type="hidden" name="scope" value={scope ?? ""} />
            <input type="hidden" name="back" value={search.toString()} />
            <div className="space-y-1">
              <Label htmlFor={`lift-reason-${channel}-${recipient}`}>Why is it safe to send again?</Label>
              <Textarea
                id={`lift-reason-${channel}-${recipient}`}
                name="reason"
                required
                minLength={3}
                maxLength={500}
                placeholder="e.g. The customer fixed their mailbox and asked for the invoices again"
                aria-invalid={!state.ok && !!state.message}
                aria-describedby={
                  state.message && !state.ok ? `lift-error-${channel}-${recipient}` : undefined
                }
              />
            </div>
            {!state.ok && state.message && (
              <p id={`lift-error-${channel}-${recipient}`} role="alert" className="text-sm text-danger">
                {state.message}
              </p>
            )}
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => setOpen(false)}>
                Keep it
              </Button>
              <Button type="submit" variant="danger" disabled={pending}>
                {pending ? "Lifting…" : "Lift the suppression"}
              </Button>
            </div>
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}
