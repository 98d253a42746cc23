import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

export function StatusPage({
  code,
  title,
  body,
  action,
  icon,
}: {
  code?: string;
  title: string;
  body: string;
  action?: { href: string; label: string };
  icon?: ReactNode;
}) {
  return (
    <main id="main" className="grid min-h-[60dvh] place-items-center px-4 py-16">
      <div className="max-w-md text-center">
        {icon ? <div className="text-muted-foreground mb-4 flex justify-center">{icon}</div> : null}
        {code ? <p className="text-primary text-sm font-semibold">{code}</p> : null}
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">{title}</h1>
        <p className="text-muted-foreground mt-3">{body}</p>
        {action ? (
          <Button asChild className="mt-6">
            <Link href={action.href}>{action.label}</Link>
          </Button>
        ) : null}
      </div>
    </main>
  );
}
