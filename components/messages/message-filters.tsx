"use client";
// The search box and filters of the message list. Their state is the URL (nuqs): changing one asks the
// server for the new list (shallow: false) and starts again from the first page. On a phone the filters
// fold under a "Filters" button (open by itself when one is set), so the list starts on the first screen.
import { useQueryStates } from "nuqs";
import { useState, useTransition, type FormEvent } from "react";
import { SlidersHorizontal } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { LabelledSelect } from "@/components/ui/labelled-select";
import { SearchField } from "@/components/ui/search-field";
import { cn } from "@/lib/ui/cn";
import { messageSearchParams } from "./search-params";

export interface StatusOption {
  value: string;
  label: string;
}

export function MessageFilters({
  statuses,
  stuckAfterHours,
}: {
  statuses: StatusOption[];
  stuckAfterHours: number;
}) {
  const [pending, startTransition] = useTransition();
  const [state, setState] = useQueryStates(messageSearchParams, { shallow: false, startTransition });
  const [q, setQ] = useState(state.q);
  const [campaign, setCampaign] = useState(state.campaign);
  const activeFilters = [
    state.status,
    state.channel,
    state.campaign,
    state.from,
    state.until,
    state.stuck || null,
  ].filter(Boolean).length;
  const [filtersOpen, setFiltersOpen] = useState(activeFilters > 0);

  // Every change leaves the current page: the cursor belongs to the previous filters.
  const update = (patch: Partial<typeof state>) => void setState({ ...patch, cursor: null });

  function submit(event: FormEvent) {
    event.preventDefault();
    update({ q: q.trim(), campaign: campaign.trim() });
  }

  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");
  const parseDay = (v: string) => (v ? new Date(`${v}T00:00:00Z`) : null);

  return (
    <form
      onSubmit={submit}
      role="search"
      aria-label="Messages"
      className="mb-4 space-y-3"
      aria-busy={pending}
    >
      <SearchField
        id="message-q"
        name="q"
        label="Phone number, email address, message id or provider id"
        value={q}
        onChange={setQ}
        placeholder="+1 415 555 0100, name@example.com, SM…"
        pending={pending}
      />
      <Button
        variant="secondary"
        size="sm"
        className="sm:hidden"
        aria-expanded={filtersOpen}
        aria-controls="message-filter-fields"
        onClick={() => setFiltersOpen((open) => !open)}
      >
        <SlidersHorizontal className="size-4" aria-hidden />
        {filtersOpen ? "Hide filters" : "Filters"}
        {activeFilters > 0 && ` (${activeFilters} set)`}
      </Button>
      <div
        id="message-filter-fields"
        className={cn("flex flex-wrap items-end gap-3 text-sm", !filtersOpen && "max-sm:hidden")}
      >
        <LabelledSelect
          id="message-status"
          label="Status"
          value={state.status}
          onChange={(e) => update({ status: e.target.value })}
        >
          <option value="">Any status</option>
          {statuses.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </LabelledSelect>
        <LabelledSelect
          id="message-channel"
          label="Channel"
          value={state.channel ?? ""}
          onChange={(e) =>
            update({ channel: e.target.value === "" ? null : (e.target.value as "sms" | "email") })
          }
        >
          <option value="">SMS and email</option>
          <option value="sms">SMS</option>
          <option value="email">Email</option>
        </LabelledSelect>
        <div className="flex flex-col gap-1">
          <Label htmlFor="message-campaign">Campaign</Label>
          <Input
            id="message-campaign"
            value={campaign}
            onChange={(e) => setCampaign(e.target.value)}
            onBlur={() => campaign.trim() !== state.campaign && update({ campaign: campaign.trim() })}
            placeholder="e.g. welcome"
            className="w-36"
          />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="message-from">Sent from</Label>
          <Input
            id="message-from"
            type="date"
            value={day(state.from)}
            onChange={(e) => update({ from: parseDay(e.target.value) })}
            className="w-40"
          />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="message-until">Sent until</Label>
          <Input
            id="message-until"
            type="date"
            value={day(state.until)}
            onChange={(e) => update({ until: parseDay(e.target.value) })}
            className="w-40"
          />
        </div>
        <label className="flex h-9 items-center gap-2">
          <input
            type="checkbox"
            checked={state.stuck}
            onChange={(e) => update({ stuck: e.target.checked })}
            className="size-4 accent-accent"
          />
          <span>Stuck: no final status after {stuckAfterHours} h</span>
        </label>
      </div>
    </form>
  );
}
