import { LoadingPage } from "@/components/common/loading-page";
import { Skeleton } from "@/components/ui/skeleton";

export default function ReportHistoryLoading() {
  return (
    <LoadingPage
      actions={
        <div className="flex gap-2">
          <Skeleton className="h-9 w-52" />
          <Skeleton className="h-9 w-44" />
        </div>
      }
    >
      <div className="flex flex-col gap-3 sm:flex-row">
        <Skeleton className="h-14 w-full sm:w-56" />
        <Skeleton className="h-14 w-full sm:w-56" />
      </div>
      <div className="divide-y rounded-xl border">
        {Array.from({ length: 5 }, (_, i) => (
          <div key={i} className="flex gap-4 p-4">
            <Skeleton className="size-14 shrink-0 rounded-lg" />
            <div className="grid flex-1 gap-2">
              <Skeleton className="h-5 w-64 max-w-full" />
              <Skeleton className="h-4 w-40" />
              <Skeleton className="h-4 w-32" />
            </div>
          </div>
        ))}
      </div>
    </LoadingPage>
  );
}
