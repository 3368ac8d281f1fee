"use client";
// The live log's filters. Their state is the URL (nuqs): a change asks the server for the matching first
// page (shallow: false), and the stream is reopened with the same filters, applied on the server.
import { useQueryStates } from "nuqs";
import { useState, useTransition, type FormEvent } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { LabelledSelect } from "@/components/ui/labelled-select";
import { SearchField } from "@/components/ui/search-field";
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
      <SearchField
        id="event-q"
        label="External id or request id"
        value={q}
        onChange={setQ}
        placeholder="External id (SM… SID, Resend email id) or request id"
        pending={pending}
      />
      <div className="grid grid-cols-1 gap-3 text-sm sm:flex sm:flex-wrap sm:items-end">
        <LabelledSelect
          id="event-provider"
          label="Provider"
          value={state.provider}
          onChange={(e) => update({ provider: e.target.value })}
        >
          <option value="">Twilio and Resend</option>
          <option value="twilio">Twilio</option>
          <option value="resend">Resend</option>
        </LabelledSelect>
        <LabelledSelect
          id="event-outcome"
          label="Outcome"
          value={state.outcome}
          onChange={(e) => update({ outcome: e.target.value })}
        >
          <option value="">Any outcome</option>
          {outcomes.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </LabelledSelect>
        <div className="flex flex-col gap-1">
          <Label htmlFor="event-type">Event type</Label>
          <Input
            id="event-type"
            value={eventType}
            onChange={(e) => setEventType(e.target.value)}
            onBlur={() => eventType.trim() !== state.eventType && update({ eventType: eventType.trim() })}
            placeholder="e.g. delivered, email.bounced"
            className="w-full sm:w-60"
          />
        </div>
      </div>
    </form>
  );
}
