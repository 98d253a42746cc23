"use client";

import dynamic from "next/dynamic";

// The break-glass offer shows only when another doctor's patient is opened, but the case layout imports it on every
// case page: loaded on its own, its react-hook-form and zod (~47 kB gzipped) stay out of the case pages' first load.
// Still rendered on the server, so the form is in the HTML; the script follows when it is shown.
export const BreakGlassForm = dynamic(() => import("./break-glass-form").then((m) => m.BreakGlassForm));
