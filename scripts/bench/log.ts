// Progress goes to stderr, so stdout carries only the markdown report (`npm run bench > run.md` works).
export function say(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}
