DROP INDEX "report_sites_report_idx";--> statement-breakpoint
DROP INDEX "report_sites_site_idx";--> statement-breakpoint
DROP INDEX "spasm_reports_status_idx";