import type { ReactNode } from "react";

export function EmptyState({
  icon,
  title,
  children,
}: {
  icon?: ReactNode;
  title: string;
  children?: ReactNode;
}) {
  return (
    <div
      data-testid="empty-state"
      className="flex flex-col items-center rounded-xl border border-dashed px-6 py-12 text-center"
    >
      {icon ? <div className="text-muted-foreground mb-3">{icon}</div> : null}
      <p className="font-medium">{title}</p>
      {children ? <div className="text-muted-foreground mt-2 max-w-md text-sm">{children}</div> : null}
    </div>
  );
}
