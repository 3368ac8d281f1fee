// The search row of a filter form: a search input named for screen readers, its icon, and the submit
// button, which says "Searching…" while the server answers.
import { Search } from "lucide-react";
import { Button } from "./button";
import { Input } from "./input";
import { Label } from "./label";

interface SearchFieldProps {
  id: string;
  /** What can be searched for: the input's accessible name. */
  label: string;
  value: string;
  onChange(value: string): void;
  placeholder: string;
  pending: boolean;
  name?: string;
}

export function SearchField({ id, label, value, onChange, placeholder, pending, name }: SearchFieldProps) {
  return (
    <div className="flex gap-2">
      <div className="relative flex-1">
        <Label htmlFor={id} className="sr-only">
          {label}
        </Label>
        <Search className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-muted" aria-hidden />
        <Input
          id={id}
          name={name}
          type="search"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          placeholder={placeholder}
          className="pl-8"
          autoComplete="off"
        />
      </div>
      <Button type="submit">{pending ? "Searching…" : "Search"}</Button>
    </div>
  );
}
