import { z } from "zod";

// Zod's JIT probes `new Function` on first parse, which the CSP (no 'unsafe-eval') reports as a violation in the
// browser. Imported by lib/validations/common.ts and by the client providers, so it is set before any parse.
z.config({ jitless: true });
