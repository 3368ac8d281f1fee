// A filter's select with its visible label above it.
import type { ComponentProps } from "react";
import { Label } from "./label";
import { Select } from "./select";

export function LabelledSelect({
  id,
  label,
  ...props
}: ComponentProps<typeof Select> & { id: string; label: string }) {
  return (
    <div className="flex flex-col gap-1">
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} {...props} />
    </div>
  );
}
