"use client";

import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  type ComponentProps,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
} from "react";
import { cn } from "@/lib/utils";

// A menu or a popover anchored under its trigger, without Radix (issue 8: the signed-in shell's user menu and
// notification bell are on every route, and Radix's menu, popper, focus scope and dismissable layer cost ~35 kB
// there). What it keeps from the WAI-ARIA patterns: the trigger says it has a popup and whether it is open; a menu
// takes focus on its first item, arrows/Home/End move between items, Escape closes and gives focus back to the
// trigger, Tab closes; a popover (role="dialog") takes focus itself; a click or tap outside closes either.

const GAP = 4;
const EDGE = 8;

export type PopupTriggerProps = {
  ref: Ref<HTMLButtonElement>;
  onClick: () => void;
  onKeyDown: (e: KeyboardEvent<HTMLButtonElement>) => void;
  "aria-haspopup": "menu" | "dialog";
  "aria-expanded": boolean;
  "aria-controls": string | undefined;
};

type PopupProps = Omit<ComponentProps<"div">, "role" | "children"> & {
  /** "menu": items are `role="menuitem"`, moved between with the arrows. "dialog": a popover of content. */
  kind: "menu" | "dialog";
  open: boolean;
  onOpenChange: (open: boolean) => void;
  trigger: (props: PopupTriggerProps) => ReactNode;
  children: ReactNode;
};

const items = (panel: HTMLElement | null) =>
  panel
    ? [...panel.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"]):not(:disabled)')]
    : [];

export function Popup({
  kind,
  open,
  onOpenChange,
  trigger,
  children,
  className,
  style,
  ...props
}: PopupProps) {
  const id = useId();
  const triggerRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);

  const close = useCallback(
    (refocus: boolean) => {
      onOpenChange(false);
      if (refocus) triggerRef.current?.focus();
    },
    [onOpenChange],
  );

  // Under the trigger, its right edges aligned, kept inside the viewport (the header is sticky: fixed is right).
  // Written to the panel's style before paint, so it never shows elsewhere first.
  useLayoutEffect(() => {
    const panel = panelRef.current;
    if (!open || !panel) return;
    const place = () => {
      const t = triggerRef.current?.getBoundingClientRect();
      if (!t) return;
      const vw = document.documentElement.clientWidth;
      const right = Math.min(Math.max(EDGE, vw - t.right), Math.max(EDGE, vw - EDGE - panel.offsetWidth));
      panel.style.top = `${t.bottom + GAP}px`;
      panel.style.right = `${right}px`;
    };
    place();
    window.addEventListener("resize", place);
    return () => window.removeEventListener("resize", place);
  }, [open]);

  // Focus in on opening; close on a press outside.
  useEffect(() => {
    if (!open) return;
    const panel = panelRef.current;
    if (panel && !panel.contains(document.activeElement)) {
      if (kind === "menu") (items(panel)[0] ?? panel).focus();
      else panel.focus();
    }
    const onPointerDown = (e: PointerEvent) => {
      const target = e.target as Node;
      if (panelRef.current?.contains(target) || triggerRef.current?.contains(target)) return;
      close(false);
    };
    document.addEventListener("pointerdown", onPointerDown, true);
    return () => document.removeEventListener("pointerdown", onPointerDown, true);
  }, [open, kind, close]);

  const onPanelKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      return close(true);
    }
    if (kind !== "menu") return;
    if (e.key === "Tab") return close(false);
    const list = items(panelRef.current);
    const at = list.indexOf(document.activeElement as HTMLElement);
    const next =
      e.key === "ArrowDown"
        ? list[(at + 1) % list.length]
        : e.key === "ArrowUp"
          ? list[(at - 1 + list.length) % list.length]
          : e.key === "Home"
            ? list[0]
            : e.key === "End"
              ? list[list.length - 1]
              : undefined;
    if (next) {
      e.preventDefault();
      next.focus();
    }
  };

  return (
    <>
      {trigger({
        ref: triggerRef,
        onClick: () => onOpenChange(!open),
        onKeyDown: (e) => {
          if (kind === "menu" && e.key === "ArrowDown" && !open) {
            e.preventDefault();
            onOpenChange(true);
          }
        },
        "aria-haspopup": kind,
        "aria-expanded": open,
        "aria-controls": open ? id : undefined,
      })}
      {open ? (
        <div
          {...props}
          ref={panelRef}
          id={id}
          role={kind}
          tabIndex={-1}
          onKeyDown={onPanelKeyDown}
          style={style}
          className={cn(
            "bg-popover text-popover-foreground animate-in fade-in-0 zoom-in-95 slide-in-from-top-2 fixed z-50 max-w-[calc(100vw-1rem)] origin-top-right rounded-md border shadow-md outline-none",
            className,
          )}
        >
          {children}
        </div>
      ) : null}
    </>
  );
}

/** A menu item's look (shadcn's DropdownMenuItem), for a link or a button with `role="menuitem"`. */
export const popupItemClass =
  "hover:bg-accent hover:text-accent-foreground focus-visible:bg-accent focus-visible:text-accent-foreground relative flex w-full cursor-default items-center gap-2 rounded-sm px-2 py-1.5 text-left text-sm outline-hidden select-none [&_svg]:pointer-events-none [&_svg]:shrink-0 [&_svg:not([class*='size-'])]:size-4 [&_svg:not([class*='text-'])]:text-muted-foreground";

export function PopupSeparator() {
  return <div role="separator" className="bg-border -mx-1 my-1 h-px" />;
}
