// The frame of one breakdown table: a titled card, and a sentence instead of an empty table.
import type { ReactNode } from "react";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

export function BreakdownCard({
  id,
  title,
  description,
  emptyText,
  isEmpty,
  children,
}: {
  id: string;
  title: string;
  description: string;
  emptyText: string;
  isEmpty: boolean;
  children: ReactNode;
}) {
  return (
    <Card aria-labelledby={`${id}-heading`} data-testid={id}>
      <CardHeader>
        <CardTitle id={`${id}-heading`}>{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      {isEmpty ? <p className="px-5 pb-4 text-sm text-muted">{emptyText}</p> : children}
    </Card>
  );
}
