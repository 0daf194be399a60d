import { setupServer } from "msw/node";
import { notifyHandlers } from "./notify";
import { orukFeedHandlers } from "./oruk-feed";
import { postcodesIoHandlers } from "./postcodes-io";

/**
 * One msw server for unit and integration tests (started by tests/setup/msw.ts), with every
 * outside service Waymark talks to. Any request it has no handler for fails the test
 * (onUnhandledRequest: "error").
 */
export const server = setupServer(...notifyHandlers, ...postcodesIoHandlers, ...orukFeedHandlers());
