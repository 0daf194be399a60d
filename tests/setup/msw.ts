import { afterAll, afterEach, beforeAll } from "vitest";
import { postcodesIoCircuit } from "~/directory/postcodes.server";
import { server } from "../mocks/server";

// No test reaches the network: every outside service is answered by the shared msw server, and a
// request it has no handler for fails the test. A test adds or overrides handlers with
// server.use(...); they are dropped after each test.
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  // The breaker in front of postcodes.io is process-wide: a test that made it unreachable must not leave it open.
  postcodesIoCircuit.reset();
});
afterAll(() => server.close());
