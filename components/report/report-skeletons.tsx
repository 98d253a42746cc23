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

export function ReportResultSkeleton({ label }: { label: string }) {
  return (
    <div className="mx-auto grid w-full max-w-3xl gap-6">
      <p role="status" className="sr-only">
        {label}
      </p>
      <Skeleton className="h-8 w-56" />
      <Skeleton className="h-40 w-full rounded-xl" />
      <Skeleton className="h-72 w-full rounded-xl" />
    </div>
  );
}
