import { LoadingPage, SkeletonStack } from "@/components/common/loading-page";

export default function CareLoading() {
  return (
    <LoadingPage>
      <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <SkeletonStack heights={["h-96", "h-56"]} />
        <SkeletonStack heights={["h-40", "h-24"]} />
      </div>
    </LoadingPage>
  );
}
