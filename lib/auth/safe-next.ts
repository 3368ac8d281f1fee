// Where to go after signing in: only a path on this site, so a crafted ?next= cannot send a person to
// another origin ("//evil.example" and "/\\evil.example" are refused too).
export function safeNextPath(value: string | string[] | undefined): string {
  const next = Array.isArray(value) ? value[0] : value;
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  return next;
}
