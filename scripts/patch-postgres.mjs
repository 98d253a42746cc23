// Guards postgres.js 3.4.x against a socket write scheduled after its socket closed (run on postinstall; idempotent).
//
// Upstream (porsager/postgres #1066, #1154, open PR #1168): `closed()` clears the pending write's immediate but leaves
// `chunk` and `nextWriteTimer` set. Two failures follow, both seen in our fault drill of issue 9:
// - a write that runs with the socket gone throws "Cannot read properties of null (reading 'write')" from a
//   setImmediate callback, uncatchable by the caller;
// - on the next reconnect, the StartupMessage is appended to the stale chunk and never flushed (the stale, cleared
//   timer still counts as "a flush is scheduled"), so that pool slot fails with CONNECT_TIMEOUT on every use until
//   the process restarts: the pool "does not heal".
// The fix: a closed socket drops its unsent bytes and timer (the queries they belonged to are already failed with
// CONNECTION_CLOSED), and a write with no socket is a no-op.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const MARK = "/* spasmcare: null-socket guard */";
const root =
  process.argv[2] ??
  path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "node_modules", "postgres");
const files = ["src/connection.js", "cjs/src/connection.js", "cf/src/connection.js"].map((f) =>
  path.join(root, f),
);

const edits = [
  {
    from: "  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)",
    to:
      `  function nextWrite(fn) {\n    ${MARK}\n` +
      "    if (socket === null) {\n      nextWriteTimer !== null && clearImmediate(nextWriteTimer)\n" +
      "      chunk = nextWriteTimer = null\n      return false\n    }\n    const x = socket.write(chunk, fn)",
  },
  {
    from: "    clearImmediate(nextWriteTimer)\n    socket.removeListener('data', data)\n    socket.removeListener('connect', connected)\n    idleTimer.cancel()",
    to: "    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n    socket.removeListener('data', data)\n    socket.removeListener('connect', connected)\n    idleTimer.cancel()",
  },
];

let patched = 0;
for (const file of files) {
  if (!existsSync(file)) continue;
  let src = readFileSync(file, "utf8");
  if (src.includes(MARK)) continue;
  for (const { from, to } of edits) {
    if (!src.includes(from)) {
      console.error(
        `patch-postgres: ${file} does not have the expected code (postgres.js changed?): check upstream #1168`,
      );
      process.exit(1);
    }
    src = src.replace(from, to);
  }
  writeFileSync(file, src);
  patched++;
}
console.log(
  `patch-postgres: ${patched} file(s) patched, ${files.filter(existsSync).length - patched} already guarded`,
);
