"use client";

import dynamic from "next/dynamic";

/**
 * The report form, drawn on the server as always (the questions show at first paint, disabled until ready), with its
 * code in a chunk of its own that the browser evaluates after the page has started: not inside the one long task in
 * which Next starts every module of the page (issue 8: on a phone that task is what blocks the first tap).
 */
export const ReportFormLoader = dynamic(() => import("./report-form").then((m) => m.ReportForm));
