"use client";
// The overview's URL state. Not shallow: a change asks the server for the page again, so every view's
// first paint is server-rendered; `pending` is true until it arrives.
import { useQueryStates } from "nuqs";
import { useTransition } from "react";
import { overviewSearchParams } from "@/lib/overview/search-params";

export function useOverviewParams() {
  const [pending, startTransition] = useTransition();
  const [params, setParams] = useQueryStates(overviewSearchParams, {
    shallow: false,
    history: "push",
    startTransition,
  });
  return { params, setParams, pending };
}
