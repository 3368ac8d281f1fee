"use client";
// Search and filters of the suppression list, kept in the URL (nuqs); any change starts from the first page.
import { Search } from "lucide-react";
import { useQueryStates } from "nuqs";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { SUPPRESSION_REASON_LABELS } from "@/lib/status/suppression-meaning";
import { suppressionSearchParams } from "./search-params";

export function SuppressionFilters() {
  const [pending, startTransition] = useTransition();
  const [state, setState] = useQueryStates(
    { ...suppressionSearchParams, lifted: suppressionSearchParams.q },
    { shallow: false, startTransition },
  );
  const [q, setQ] = useState(state.q);
  const update = (patch: Partial<typeof state>) => void setState({ ...patch, cursor: null, lifted: null });

  function submit(event: FormEvent) {
    event.preventDefault();
    update({ q: q.trim() });
  }

  return (
    <form
      onSubmit={submit}
      role="search"
      aria-label="Suppressions"
      className="mb-4 space-y-3"
      aria-busy={pending}
    >
      <div className="flex gap-2">
        <div className="relative flex-1">
          <Label htmlFor="suppression-q" className="sr-only">
            Phone number or email address
          </Label>
          <Search className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-muted" aria-hidden />
          <Input
            id="suppression-q"
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder="Phone number (any spelling) or email address"
            className="pl-8"
            autoComplete="off"
          />
        </div>
        <Button type="submit">{pending ? "Searching…" : "Search"}</Button>
      </div>
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <div className="flex flex-col gap-1">
          <Label htmlFor="suppression-state">Show</Label>
          <Select
            id="suppression-state"
            value={state.state}
            onChange={(e) => update({ state: e.target.value as typeof state.state })}
          >
            <option value="active">In force</option>
            <option value="lifted">Lifted</option>
            <option value="all">All</option>
          </Select>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="suppression-reason">Reason</Label>
          <Select
            id="suppression-reason"
            value={state.reason ?? ""}
            onChange={(e) => update({ reason: (e.target.value || null) as typeof state.reason })}
          >
            <option value="">Any reason</option>
            {Object.entries(SUPPRESSION_REASON_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="suppression-channel">Channel</Label>
          <Select
            id="suppression-channel"
            value={state.channel ?? ""}
            onChange={(e) => update({ channel: (e.target.value || null) as typeof state.channel })}
          >
            <option value="">SMS and email</option>
            <option value="sms">SMS</option>
            <option value="email">Email</option>
          </Select>
        </div>
      </div>
    </form>
  );
}
