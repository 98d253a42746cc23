import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build directory per worker (NEXT_DIST_DIR) lets parallel e2e runs keep their own build.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite loads its wasm/data files from disk: it must not be bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "rate-limiter-flexible"],
  allowedDevOrigins: ["127.0.0.1"],
  poweredByHeader: false,
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
