"use client";

import { useEffect, useRef, type ComponentProps, type ReactNode } from "react";
import { XIcon } from "lucide-react";
import { cn } from "@/lib/utils";

// A modal on the browser's own <dialog> with showModal(): top layer, the page behind inert, focus kept inside and
// given back to what had it on close, Escape handled by the browser. The signed-in shell's dialogs (mobile
// navigation, idle warning) are on every route; this keeps Radix's Dialog (focus scope, remove-scroll, portal:
// ~15 kB) off them (issue 8). Pages' own confirmations use components/ui/alert-dialog.tsx.

type NativeDialogProps = Omit<ComponentProps<"dialog">, "open" | "role" | "children"> & {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** "alertdialog": Escape and a click on the backdrop do not close it; only its buttons do. */
  role?: "dialog" | "alertdialog";
  /** A corner close button with this accessible name. */
  closeLabel?: string;
  /** Where it sits: centred (a dialog) or along the left edge (a navigation sheet). */
  side?: "center" | "left";
  /** Classes of the inner panel (the dialog element itself only frames it). */
  panelClassName?: string;
  children: ReactNode;
};

export function NativeDialog({
  open,
  onOpenChange,
  role = "dialog",
  closeLabel,
  side = "center",
  className,
  panelClassName,
  children,
  ...props
}: NativeDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const dismissible = role === "dialog";

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // The browser focuses the first control; `data-autofocus` names another (React does not render autoFocus).
      dialog.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    } else if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      role={role === "alertdialog" ? "alertdialog" : undefined}
      aria-modal="true"
      {...props}
      onCancel={(e) => {
        e.preventDefault();
        if (dismissible) onOpenChange(false);
      }}
      // Chromium may force a close on a repeated Escape: a dismissible dialog follows it, an alert dialog reopens.
      onClose={() => {
        const dialog = ref.current;
        if (!open || !dialog || dialog.open) return;
        if (dismissible) onOpenChange(false);
        else dialog.showModal();
      }}
      // A click on the backdrop lands on the <dialog> itself (the panel fills it).
      onClick={(e) => {
        if (dismissible && e.target === e.currentTarget) onOpenChange(false);
      }}
      className={cn(
        // A literal colour: Tailwind's bg-black/50 is a color-mix of a :root variable, which an older ::backdrop
        // does not inherit.
        "bg-background text-foreground max-h-none max-w-none p-0 shadow-lg outline-none backdrop:bg-[#00000080]",
        side === "center" &&
          "open:animate-in open:fade-in-0 open:zoom-in-95 m-auto w-full max-w-[calc(100%-2rem)] rounded-lg border sm:max-w-lg",
        side === "left" &&
          "open:animate-in open:slide-in-from-left m-0 mr-auto h-dvh w-3/4 border-r sm:max-w-sm",
        className,
      )}
    >
      {/* Drawn only while open: a closed dialog's content (the mobile navigation, the idle warning) would be
          rendered and hydrated on every page load for nothing (issue 8). */}
      {open ? (
        <div className={cn("relative h-full", panelClassName)}>
          {children}
          {closeLabel ? (
            <button
              type="button"
              onClick={() => onOpenChange(false)}
              className="ring-offset-background focus-visible:ring-ring absolute top-4 right-4 rounded-xs opacity-70 transition-opacity hover:opacity-100 focus:outline-hidden focus-visible:opacity-100 focus-visible:ring-2 focus-visible:ring-offset-2 [&_svg]:size-4"
            >
              <XIcon aria-hidden="true" />
              <span className="sr-only">{closeLabel}</span>
            </button>
          ) : null}
        </div>
      ) : null}
    </dialog>
  );
}
