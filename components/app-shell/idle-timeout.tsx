"use client";

import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { keepAliveAction, signOutAction } from "@/app/(auth)/actions";
import { Button } from "@/components/ui/button";
import { NativeDialog } from "@/components/ui/native-dialog";

// Automatic logoff (HIPAA): the server ends a session after 30 idle minutes (lib/dal/sessions.ts IDLE_MINUTES);
// here the screen warns at 28 and signs out at 30, so an unattended open page does not stay on show.
const IDLE_MS = 30 * 60_000;
const WARN_MS = 28 * 60_000;
/** While the user works without server requests (typing a long report), tell the server at most this often. */
const PING_EVERY_MS = 5 * 60_000;
const STORAGE_KEY = "spasmcare:last-activity";
const EVENTS = ["pointerdown", "keydown", "wheel", "touchstart", "scroll"] as const;

/** Activity in any tab of the app counts, shared through localStorage. */
function lastActivity(local: number): number {
  try {
    return Math.max(local, Number(localStorage.getItem(STORAGE_KEY)) || 0);
  } catch {
    return local;
  }
}

export function IdleTimeout() {
  const t = useTranslations("security");
  const [remaining, setRemaining] = useState<number | null>(null);
  const [pending, startTransition] = useTransition();
  const last = useRef(0);
  const lastPing = useRef(0);
  const signingOut = useRef(false);

  const signOut = useCallback(() => {
    if (signingOut.current) return;
    signingOut.current = true;
    startTransition(() => signOutAction());
  }, []);

  const stay = useCallback(() => {
    const now = Date.now();
    last.current = now;
    lastPing.current = now;
    setRemaining(null);
    startTransition(async () => {
      // The server ended the session meanwhile (idle there, or signed out elsewhere): clear the cookie too.
      if (!(await keepAliveAction())) signOut();
    });
  }, [signOut]);

  useEffect(() => {
    last.current = Date.now();
    lastPing.current = last.current;
    const onActivity = () => {
      const now = Date.now();
      // Once the warning shows, only its buttons count: a stray scroll must not silently keep the session.
      if (now - lastActivity(last.current) >= WARN_MS) return;
      if (now - last.current < 5_000) return;
      last.current = now;
      try {
        localStorage.setItem(STORAGE_KEY, String(now));
      } catch {
        // Storage blocked: this tab still counts its own activity.
      }
      if (now - lastPing.current > PING_EVERY_MS) {
        lastPing.current = now;
        void keepAliveAction();
      }
    };
    for (const e of EVENTS) window.addEventListener(e, onActivity, { passive: true });
    const timer = window.setInterval(() => {
      const idle = Date.now() - lastActivity(last.current);
      if (idle >= IDLE_MS) signOut();
      else if (idle >= WARN_MS) setRemaining(Math.ceil((IDLE_MS - idle) / 1000));
      else setRemaining(null);
    }, 1_000);
    return () => {
      for (const e of EVENTS) window.removeEventListener(e, onActivity);
      window.clearInterval(timer);
    };
  }, [signOut]);

  return (
    <NativeDialog
      open={remaining !== null}
      // An alert dialog: Escape and the backdrop do not close it; only its two buttons answer it.
      onOpenChange={() => {}}
      role="alertdialog"
      aria-labelledby="idle-warning-title"
      aria-describedby="idle-warning-body"
      data-testid="idle-warning"
      panelClassName="grid gap-4 p-6"
    >
      <div className="flex flex-col gap-2 text-center sm:text-left">
        <h2 id="idle-warning-title" className="text-lg font-semibold">
          {t("idleTitle")}
        </h2>
        <p id="idle-warning-body" className="text-muted-foreground text-sm">
          {t("idleBody", { seconds: remaining ?? 0 })}
        </p>
      </div>
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="outline" onClick={signOut} disabled={pending}>
          {t("signOutNow")}
        </Button>
        <Button onClick={stay} disabled={pending} data-autofocus>
          {t("staySignedIn")}
        </Button>
      </div>
    </NativeDialog>
  );
}
