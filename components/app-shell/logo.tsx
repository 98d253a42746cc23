import { Activity } from "lucide-react";

export function Logo({ name }: { name: string }) {
  return (
    <span className="flex items-center gap-2 font-semibold tracking-tight">
      <span className="bg-primary text-primary-foreground grid size-8 place-items-center rounded-lg">
        <Activity aria-hidden className="size-4" />
      </span>
      <span className="text-lg max-[420px]:sr-only">{name}</span>
    </span>
  );
}
