"use client";
// One search box whose text is the URL's `q` (nuqs): submitting asks the server for the new list and
// starts again from its first page.
import { Search } from "lucide-react";
import { parseAsString, useQueryStates } from "nuqs";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

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
    <form onSubmit={submit} role="search" aria-label={label} className="flex gap-2" aria-busy={pending}>
      <div className="relative flex-1">
        <Label htmlFor={id} className="sr-only">
          {label}
        </Label>
        <Search className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-muted" aria-hidden />
        <Input
          id={id}
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={placeholder}
          className="pl-8"
          autoComplete="off"
        />
      </div>
      <Button type="submit">{pending ? "Searching…" : "Search"}</Button>
    </form>
  );
}
