// Test isolation for the e2e run: a free port to start on, whether something already listens on a port, and an
// environment without DATABASE_URL.
import net from "node:net";

/** A port the OS says is free right now (on the loopback interface). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function answers(port, host) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.setTimeout(1000);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(false));
  });
}

/** True when anything accepts connections on the port, over IPv4 or IPv6 (localhost may resolve to either). */
export async function isPortInUse(port) {
  const [v4, v6] = await Promise.all([answers(port, "127.0.0.1"), answers(port, "::1")]);
  return v4 || v6;
}

/** Never a database the run did not start: DATABASE_URL would point a server (and its seed) at a real one. */
export function withoutDatabaseUrl(env) {
  const { DATABASE_URL: _, ...rest } = env;
  return rest;
}
