import { LoadingPage, SkeletonStack } from "@/components/common/loading-page";

export default function PlanLoading() {
  return (
    <LoadingPage>
      <SkeletonStack heights={["h-64", "h-96", "h-32"]} />
    </LoadingPage>
  );
}
