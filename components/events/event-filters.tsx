"use client";
// The live log's filters. Their state is the URL (nuqs): a change asks the server for the matching first
// page (shallow: false), and the stream is reopened with the same filters, applied on the server.
import { Search } from "lucide-react";
import { useQueryStates } from "nuqs";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { eventSearchParams } from "./search-params";

export interface OutcomeOption {
  value: string;
  label: string;
}

export function EventFilters({ outcomes }: { outcomes: OutcomeOption[] }) {
  const [pending, startTransition] = useTransition();
  const [state, setState] = useQueryStates(eventSearchParams, { shallow: false, startTransition });
  const [q, setQ] = useState(state.q);
  const [eventType, setEventType] = useState(state.eventType);
  // A filter change goes back to the live tail.
  const update = (patch: Partial<typeof state>) => void setState({ ...patch, before: null });

  function submit(event: FormEvent) {
    event.preventDefault();
    update({ q: q.trim(), eventType: eventType.trim() });
  }

  return (
    <form
      onSubmit={submit}
      role="search"
      aria-label="Filter webhook requests"
      className="mb-4 space-y-3"
      aria-busy={pending}
    >
      <div className="flex gap-2">
        <div className="relative flex-1">
          <Label htmlFor="event-q" className="sr-only">
            External id or request id
          </Label>
          <Search className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-muted" aria-hidden />
          <Input
            id="event-q"
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder="External id (SM… SID, Resend email id) or request id"
            className="pl-8"
            autoComplete="off"
          />
        </div>
        <Button type="submit">{pending ? "Searching…" : "Search"}</Button>
      </div>
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <div className="flex flex-col gap-1">
          <Label htmlFor="event-provider">Provider</Label>
          <Select
            id="event-provider"
            value={state.provider}
            onChange={(e) => update({ provider: e.target.value })}
          >
            <option value="">Twilio and Resend</option>
            <option value="twilio">Twilio</option>
            <option value="resend">Resend</option>
          </Select>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="event-outcome">Outcome</Label>
          <Select
            id="event-outcome"
            value={state.outcome}
            onChange={(e) => update({ outcome: e.target.value })}
          >
            <option value="">Any outcome</option>
            {outcomes.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="event-type">Event type</Label>
          <Input
            id="event-type"
            value={eventType}
            onChange={(e) => setEventType(e.target.value)}
            onBlur={() => eventType.trim() !== state.eventType && update({ eventType: eventType.trim() })}
            placeholder="e.g. delivered, email.bounced"
            className="w-52"
          />
        </div>
      </div>
    </form>
  );
}
