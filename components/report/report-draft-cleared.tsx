"use client";

import { useEffect } from "react";
import { clearDraft } from "./report-draft-storage";

/** On the "report sent" page: the stored report no longer needs its draft in this tab. */
export function ReportDraftCleared({ owner }: { owner: string }) {
  useEffect(() => clearDraft(owner), [owner]);
  return null;
}
