"use client";
// Lifting a suppression, with a reason that stays in its history. The list renders one dialog for all its
// rows (LiftDialogProvider); each row's LiftButton opens it for its own recipient. The dialog keeps focus
// while open, gives it back to the row's button when it closes, and shows a refusal in place; on success
// the action returns to the list, which says what was lifted.
import { useSearchParams } from "next/navigation";
import {
  createContext,
  useActionState,
  useCallback,
  useContext,
  useRef,
  useState,
  type ReactNode,
} from "react";
import type { LiftState } from "@/app/(dashboard)/suppressions/actions";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";

export interface LiftTarget {
  recipient: string;
  displayRecipient: string;
  channel: string;
  scope: string | null;
  reasonText: string;
}

type LiftAction = (previous: LiftState, form: FormData) => Promise<LiftState>;

const OpenLift = createContext<((target: LiftTarget, trigger: HTMLElement) => void) | null>(null);

/** Opens the list's lift dialog for a target; the trigger gets the focus back when it closes. */
export function useOpenLift() {
  const open = useContext(OpenLift);
  if (!open) throw new Error("useOpenLift needs a LiftDialogProvider around it");
  return open;
}

export function LiftDialogProvider({ action, children }: { action: LiftAction; children: ReactNode }) {
  const [target, setTarget] = useState<LiftTarget | null>(null);
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLElement | null>(null);
  const openFor = useCallback((next: LiftTarget, element: HTMLElement) => {
    trigger.current = element;
    setTarget(next);
    setOpen(true);
  }, []);

  return (
    <OpenLift.Provider value={openFor}>
      {children}
      <Dialog open={open} onOpenChange={setOpen}>
        {/* Closed, the content unmounts: each opening starts a fresh form, so a refusal shown for one
            recipient never greets the next one. */}
        {target && (
          <DialogContent
            onCloseAutoFocus={(event) => {
              // No DialogTrigger: Radix would not know where to give the focus back.
              event.preventDefault();
              trigger.current?.focus();
            }}
          >
            <LiftForm target={target} action={action} onCancel={() => setOpen(false)} />
          </DialogContent>
        )}
      </Dialog>
    </OpenLift.Provider>
  );
}

function LiftForm({
  target,
  action,
  onCancel,
}: {
  target: LiftTarget;
  action: LiftAction;
  onCancel: () => void;
}) {
  const [state, formAction, pending] = useActionState(action, { ok: false, message: "" });
  const search = useSearchParams();
  const refused = !state.ok && !!state.message;

  return (
    <>
      <DialogTitle>Lift the suppression of {target.displayRecipient}?</DialogTitle>
      <DialogDescription>
        {target.reasonText}. Once lifted, Signalboard tells your application it may send to this recipient
        again.
      </DialogDescription>
      <form action={formAction} className="mt-4 space-y-3">
        <input type="hidden" name="recipient" value={target.recipient} />
        <input type="hidden" name="channel" value={target.channel} />
        <input type="hidden" name="scope" value={target.scope ?? ""} />
        <input type="hidden" name="back" value={search.toString()} />
        <div className="space-y-1">
          <Label htmlFor="lift-reason">Why is it safe to send again?</Label>
          <Textarea
            id="lift-reason"
            name="reason"
            required
            minLength={3}
            maxLength={500}
            placeholder="e.g. The customer fixed their mailbox and asked for the invoices again"
            aria-invalid={refused}
            aria-describedby={refused ? "lift-error" : undefined}
          />
        </div>
        {refused && (
          <p id="lift-error" role="alert" className="text-sm text-danger">
            {state.message}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onCancel}>
            Keep it
          </Button>
          <Button type="submit" variant="danger" disabled={pending}>
            {pending ? "Lifting…" : "Lift the suppression"}
          </Button>
        </div>
      </form>
    </>
  );
}
