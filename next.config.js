import { createRequire } from "node:module";
import path from "node:path";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// Messages are precompiled on the server (lib/i18n/loadCompiledMessages); next-intl then formats them with its small
// format-only formatter instead of intl-messageformat (~12 kB gzipped on every route). The same alias next-intl's
// own `precompile` option sets, without its catalog loader (our catalogues are read from disk, not imported).
const formatOnly = `./${path
  .relative(process.cwd(), createRequire(import.meta.url).resolve("use-intl/format-message/format-only"))
  .replace(/\\/g, "/")}`;

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build directory per worker (NEXT_DIST_DIR) lets parallel e2e runs keep their own build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite loads its wasm/data files from disk: it must not be bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "rate-limiter-flexible"],
  allowedDevOrigins: ["127.0.0.1"],
  poweredByHeader: false,
  productionBrowserSourceMaps: process.env.PROFILE_SOURCEMAPS === "1",
  turbopack: { resolveAlias: { "use-intl/format-message": formatOnly } },
  // Same limit as proxy.ts (lib/security-headers.ts MAX_BODY_BYTES), which answers 413 before Next would.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "512kb" } },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
