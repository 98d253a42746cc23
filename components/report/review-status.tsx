import { Eye, EyeOff } from "lucide-react";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReportReview } from "@/lib/dal/reports";
import { cn } from "@/lib/utils";

/**
 * Whether a doctor has opened the report. Never claims a doctor is handling it before one has: "not yet
 * reviewed" until the review is recorded, then who and when. Used on the result page, the home and history.
 */
export async function ReviewStatus({
  review,
  className,
  as: Tag = "p",
}: {
  review: ReportReview;
  className?: string;
  /** "span" inside phrasing content such as a link. */
  as?: "p" | "span";
}) {
  const t = await getTranslations("report.review");
  const format = await getFormatter();
  const Icon = review ? Eye : EyeOff;
  return (
    <Tag
      className={cn("text-muted-foreground flex items-center gap-1.5 text-sm", className)}
      data-testid="review-status"
      data-reviewed={review ? "true" : "false"}
    >
      <Icon aria-hidden className="size-4 shrink-0" />
      {review
        ? t("reviewedBy", {
            doctor: review.doctorName,
            date: format.dateTime(review.at, { dateStyle: "long", timeStyle: "short" }),
          })
        : t("notYet")}
    </Tag>
  );
}
