import { LoadingPage } from "@/components/common/loading-page";
import { Skeleton } from "@/components/ui/skeleton";

export default function TrendsLoading() {
  return (
    <LoadingPage>
      <div className="flex flex-col gap-3 sm:flex-row">
        <Skeleton className="h-14 w-full sm:w-56" />
        <Skeleton className="h-14 w-full sm:w-56" />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        {Array.from({ length: 3 }, (_, i) => (
          <Skeleton key={i} className="h-24 rounded-xl" />
        ))}
      </div>
      <div className="grid gap-6 xl:grid-cols-2">
        <Skeleton className="h-80 rounded-xl" />
        <Skeleton className="h-80 rounded-xl" />
      </div>
    </LoadingPage>
  );
}
