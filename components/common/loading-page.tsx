import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Skeleton } from "@/components/ui/skeleton";

/** The shared frame of every loading.tsx: an announced status, a title skeleton, then the page's own shape. */
export async function LoadingPage({ children, actions }: { children: ReactNode; actions?: ReactNode }) {
  const t = await getTranslations("common");
  return (
    <div className="grid gap-6" aria-busy="true">
      <span className="sr-only" role="status">
        {t("loading")}
      </span>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div className="grid gap-2">
          <Skeleton className="h-8 w-48" />
          <Skeleton className="h-5 w-[32rem] max-w-full" />
        </div>
        {actions}
      </div>
      {children}
    </div>
  );
}

export function SkeletonStack({ heights }: { heights: string[] }) {
  return (
    <div className="grid gap-6">
      {heights.map((h, i) => (
        <Skeleton key={i} className={`${h} rounded-xl`} />
      ))}
    </div>
  );
}
