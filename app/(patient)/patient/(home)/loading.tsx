import { LoadingPage, SkeletonStack } from "@/components/common/loading-page";

export default function Loading() {
  return (
    <LoadingPage>
      <SkeletonStack heights={["h-24", "h-72"]} />
    </LoadingPage>
  );
}
