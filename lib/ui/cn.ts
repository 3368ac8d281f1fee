// Joins class names and lets a later Tailwind class win over an earlier conflicting one, so a caller's
// className can override a primitive's default (`cn("px-3", "px-1")` → "px-1").
import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}
