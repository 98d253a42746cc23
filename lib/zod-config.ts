import { config } from "zod/v4/core";

// Zod's JIT probes `new Function` on first parse, which the CSP (no 'unsafe-eval') reports as a violation in the
// browser. Imported by every lib/validations module that builds schemas, so it is set before any parse.
// `config` from zod's core (the same global settings `z.config` writes): the root providers load on every page,
// and importing `z` there shipped all of zod (~30 kB gzipped) to pages that validate nothing in the browser.
config({ jitless: true });
