"use client";
// Copies a value (a webhook URL, a new API key) to the clipboard and says so, visibly and to screen readers.
import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { Button } from "./button";

export function CopyButton({ value, label = "Copy" }: { value: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 2_000);
    } catch {
      // Clipboard refused (insecure origin, permissions): the value stays visible for a manual copy.
      setCopied(false);
    }
  }
  return (
    <>
      <Button variant="secondary" size="sm" onClick={copy} aria-label={label}>
        {copied ? <Check className="size-3.5" aria-hidden /> : <Copy className="size-3.5" aria-hidden />}
        <span>{copied ? "Copied" : "Copy"}</span>
      </Button>
      <span className="sr-only" aria-live="polite">
        {copied ? "Copied to the clipboard" : ""}
      </span>
    </>
  );
}
