import { LoadingPage, SkeletonStack } from "@/components/common/loading-page";

export default function ProfileLoading() {
  return (
    <LoadingPage>
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <SkeletonStack heights={["h-56", "h-80", "h-48"]} />
        <SkeletonStack heights={["h-32", "h-40"]} />
      </div>
    </LoadingPage>
  );
}
