"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";

// recharts (and the state library it bundles) is ~125 kB gzipped: loaded only on the pages that draw a chart, and
// only after first paint, so it never holds up the page. The charts are for sighted users; each chart card already
// carries the same data as a table, so nothing is lost while they load (or if they fail to).
const placeholder = () => <Skeleton className="h-60 w-full" aria-hidden />;

export const EpisodesChart = dynamic(() => import("./episodes-chart").then((m) => m.EpisodesChart), {
  ssr: false,
  loading: placeholder,
});

export const PainChart = dynamic(() => import("./pain-chart").then((m) => m.PainChart), {
  ssr: false,
  loading: placeholder,
});
