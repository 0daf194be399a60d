/** Polls `condition` until it holds; a run that never gets there fails with `what` instead of hanging. */
export async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number, what = "the run"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
