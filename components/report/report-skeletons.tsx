import { Skeleton } from "@/components/ui/skeleton";

/** Placeholder with the form's rough shape, so the page does not jump when it appears. */
export function ReportFormSkeleton({ label }: { label?: string }) {
  return (
    <div className="grid gap-6" data-testid="report-form-loading">
      {label ? (
        <p role="status" className="sr-only">
          {label}
        </p>
      ) : null}
      {[3, 5, 4, 2].map((rows, i) => (
        <div key={i} className="grid gap-4 rounded-xl border p-4 sm:p-6">
          <Skeleton className="h-6 w-40" />
          {Array.from({ length: rows }, (_, j) => (
            <Skeleton key={j} className="h-12 w-full" />
          ))}
        </div>
      ))}
    </div>
  );
}
