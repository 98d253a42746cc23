import { createRequire } from "node:module";
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // DAL modules import "server-only"; under vitest they run in plain Node.
      "server-only": path.join(root, "test/server-only.ts"),
      // As in next.config.js: messages are precompiled (lib/i18n/messages.ts) and formatted by next-intl's format-only.
      "use-intl/format-message": createRequire(import.meta.url).resolve(
        "use-intl/format-message/format-only",
      ),
    },
  },
  test: {
    environment: "node",
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "test/**/*.test.ts", "scripts/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    benchmark: { include: ["bench/**/*.bench.ts"] },
    // Processed by vite, so the use-intl/format-message alias above reaches their imports.
    server: { deps: { inline: ["next-intl", "use-intl"] } },
  },
});
