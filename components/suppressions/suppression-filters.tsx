"use client";
// Search and filters of the suppression list, kept in the URL (nuqs); any change starts from the first page.
import { useQueryStates } from "nuqs";
import { useState, useTransition, type FormEvent } from "react";
import { LabelledSelect } from "@/components/ui/labelled-select";
import { SearchField } from "@/components/ui/search-field";
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
      <SearchField
        id="suppression-q"
        label="Phone number or email address"
        value={q}
        onChange={setQ}
        placeholder="Phone number (any spelling) or email address"
        pending={pending}
      />
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <LabelledSelect
          id="suppression-state"
          label="Show"
          value={state.state}
          onChange={(e) => update({ state: e.target.value as typeof state.state })}
        >
          <option value="active">In force</option>
          <option value="lifted">Lifted</option>
          <option value="all">All</option>
        </LabelledSelect>
        <LabelledSelect
          id="suppression-reason"
          label="Reason"
          value={state.reason ?? ""}
          onChange={(e) => update({ reason: (e.target.value || null) as typeof state.reason })}
        >
          <option value="">Any reason</option>
          {Object.entries(SUPPRESSION_REASON_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </LabelledSelect>
        <LabelledSelect
          id="suppression-channel"
          label="Channel"
          value={state.channel ?? ""}
          onChange={(e) => update({ channel: (e.target.value || null) as typeof state.channel })}
        >
          <option value="">SMS and email</option>
          <option value="sms">SMS</option>
          <option value="email">Email</option>
        </LabelledSelect>
      </div>
    </form>
  );
}
