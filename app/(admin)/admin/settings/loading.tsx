import { LoadingPage, SkeletonStack } from "@/components/common/loading-page";

export default function Loading() {
  return (
    <LoadingPage>
      <SkeletonStack heights={["h-16", "h-96"]} />
    </LoadingPage>
  );
}
