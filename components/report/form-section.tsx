import type { ReactNode } from "react";

/** One numbered block of the report form, so a long form reads as a few short steps on one page. */
export function FormSection({
  id,
  step,
  title,
  hint,
  children,
}: {
  id: string;
  step: number;
  title: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="bg-card text-card-foreground grid gap-6 rounded-xl border p-4 shadow-sm sm:p-6"
    >
      <div className="flex items-start gap-3">
        <span
          aria-hidden
          className="bg-primary/10 text-primary flex size-7 shrink-0 items-center justify-center rounded-full text-sm font-semibold"
        >
          {step}
        </span>
        <div className="grid gap-0.5 pt-0.5">
          <h2 id={`${id}-title`} className="text-lg leading-tight font-semibold">
            {title}
          </h2>
          {hint ? <p className="text-muted-foreground text-sm">{hint}</p> : null}
        </div>
      </div>
      {children}
    </section>
  );
}
