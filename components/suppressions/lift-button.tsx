"use client";
// A row's way into the list's one lift dialog (LiftDialogProvider): only a button per row.
import { Button } from "@/components/ui/button";
import { useOpenLift, type LiftTarget } from "./lift-dialog";

export function LiftButton({ target }: { target: LiftTarget }) {
  const openLift = useOpenLift();
  return (
    <Button
      variant="secondary"
      size="sm"
      aria-haspopup="dialog"
      onClick={(event) => openLift(target, event.currentTarget)}
    >
      Lift<span className="sr-only"> the suppression of {target.displayRecipient}</span>
    </Button>
  );
}
