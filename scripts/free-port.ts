import net from "node:net";

/**
 * A port nothing is listening on, found by letting the system pick one and letting it go again.
 * The app is started in production, where BASE_URL is required, so the port must be known
 * before it starts rather than read back from PORT=0.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("No port was given"))));
    });
  });
}
