// Process ids the scripts recorded: whether one still runs.

/** True while a process with this id exists (signal 0 checks without sending anything). */
export function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
