"use client";
// One search box whose text is the URL's `q` (nuqs): submitting asks the server for the new list and
// starts again from its first page.
import { parseAsString, useQueryStates } from "nuqs";
import { useState, useTransition, type FormEvent } from "react";
import { SearchField } from "@/components/ui/search-field";

const params = { q: parseAsString.withDefault(""), before: parseAsString, cursor: parseAsString };

export function QuerySearchForm({
  label,
  placeholder,
  id,
}: {
  label: string;
  placeholder: string;
  id: string;
}) {
  const [pending, startTransition] = useTransition();
  const [state, setState] = useQueryStates(params, { shallow: false, startTransition });
  const [q, setQ] = useState(state.q);

  function submit(event: FormEvent) {
    event.preventDefault();
    void setState({ q: q.trim(), before: null, cursor: null });
  }

  return (
    <form onSubmit={submit} role="search" aria-label={label} aria-busy={pending}>
      <SearchField
        id={id}
        label={label}
        value={q}
        onChange={setQ}
        placeholder={placeholder}
        pending={pending}
      />
    </form>
  );
}
