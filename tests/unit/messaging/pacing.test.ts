import { describe, expect, it, vi } from "vitest";
import { createPacer } from "~/messaging/pacing";

describe("createPacer", () => {
  it("spaces starts evenly so a minute never holds more than the limit", async () => {
    vi.useFakeTimers({ now: 0 });
    try {
      const pacer = createPacer(600); // one every 100 ms
      const starts: number[] = [];
      const runs = Array.from({ length: 5 }, () => pacer.wait().then(() => starts.push(Date.now())));
      await vi.advanceTimersByTimeAsync(1_000);
      await Promise.all(runs);
      expect(starts).toEqual([0, 100, 200, 300, 400]);
    } finally {
      vi.useRealTimers();
    }
  });
});
