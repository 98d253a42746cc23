import { LoadingPage } from "@/components/common/loading-page";
import { Skeleton } from "@/components/ui/skeleton";

export default function AccessLogLoading() {
  return (
    <LoadingPage>
      <div className="grid gap-2 rounded-xl border p-4">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-10" />
        ))}
      </div>
    </LoadingPage>
  );
}
