import { setupServer } from "msw/node";
import { notifyHandlers } from "./notify";
import { postcodesIoHandlers } from "./postcodes-io";

/**
 * One msw server for integration tests, with every outside service Waymark talks to. Any
 * request it has no handler for fails the test (onUnhandledRequest: "error").
 */
export const server = setupServer(...notifyHandlers, ...postcodesIoHandlers);
