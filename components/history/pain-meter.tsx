import { cn } from "@/lib/utils";

// Same bands as the triage rules: 8+ is extreme (urgent), 4-7 painful (soon).
function band(score: number): string {
  if (score >= 8) return "bg-urgent";
  if (score >= 4) return "bg-soon";
  return "bg-routine";
}

/** Ten small segments beside the written score; decorative, the text carries the value. */
export function PainMeter({ score, className }: { score: number; className?: string }) {
  return (
    <span aria-hidden className={cn("inline-flex gap-0.5", className)}>
      {Array.from({ length: 10 }, (_, i) => (
        <span
          key={i}
          className={cn("h-2.5 w-1.5 rounded-[2px]", i < score ? band(score) : "bg-muted-foreground/25")}
        />
      ))}
    </span>
  );
}
