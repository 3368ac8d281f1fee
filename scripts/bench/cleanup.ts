// Everything the bench starts or creates registers how to undo it here; the entry point runs the list (last
// first) when the run ends, fails, or is interrupted, so no server, database or temp dir outlives the run.
import { say } from "./log";

interface Task {
  name: string;
  run: () => Promise<void> | void;
}

const tasks: Task[] = [];

/** Registers an undo step; the returned function runs it now (and removes it from the list). */
export function onCleanup(name: string, run: Task["run"]): () => Promise<void> {
  const task: Task = { name, run };
  tasks.push(task);
  return async () => {
    const i = tasks.indexOf(task);
    if (i < 0) return;
    tasks.splice(i, 1);
    await task.run();
  };
}

/** How many undo steps are registered now: runCleanup(mark) undoes only what was registered after it. */
export function cleanupMark(): number {
  return tasks.length;
}

export async function runCleanup(mark = 0): Promise<void> {
  while (tasks.length > mark) {
    const task = tasks.pop()!;
    try {
      await task.run();
    } catch (error) {
      say(`cleanup "${task.name}" failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
