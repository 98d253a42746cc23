// One-line summaries of EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) plans: timings, buffers, scans by table, and any
// sequential scan of a big table (what issue 8 point 3 forbids).

export type ExplainNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Shared Hit Blocks"?: number;
  "Shared Read Blocks"?: number;
  "Heap Fetches"?: number;
  Plans?: ExplainNode[];
};

export const BIG_TABLES = [
  "spasm_reports",
  "report_sites",
  "audit_events",
  "users",
  "patient_profiles",
  "triage_cases",
];

function walk(node: ExplainNode, visit: (n: ExplainNode) => void): void {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
}

export function seqScansOfBigTables(root: ExplainNode): string[] {
  const found: string[] = [];
  walk(root, (n) => {
    if (n["Node Type"] === "Seq Scan" && n["Relation Name"] && BIG_TABLES.includes(n["Relation Name"])) {
      found.push(n["Relation Name"]);
    }
  });
  return found;
}

export function explainSummary(root: ExplainNode, planningMs: number, executionMs: number): string {
  const scans: string[] = [];
  let heapFetches = 0;
  walk(root, (n) => {
    if (/Scan/.test(n["Node Type"]) && (n["Relation Name"] || n["Index Name"])) {
      const rows = (n["Actual Rows"] ?? 0) * (n["Actual Loops"] ?? 1);
      scans.push(`${n["Node Type"]} ${n["Index Name"] ?? n["Relation Name"]} (${rows} rows)`);
    }
    heapFetches += n["Heap Fetches"] ?? 0;
  });
  const seq = seqScansOfBigTables(root);
  return (
    `execution ${executionMs.toFixed(2)} ms, planning ${planningMs.toFixed(2)} ms, ` +
    `buffers hit ${root["Shared Hit Blocks"] ?? 0} read ${root["Shared Read Blocks"] ?? 0}, ` +
    `${root["Actual Rows"] ?? 0} rows; ${scans.join(", ")}` +
    (heapFetches ? `; heap fetches ${heapFetches}` : "") +
    (seq.length ? `; seq scan of ${seq.join(", ")}` : "; no seq scan of a big table")
  );
}
