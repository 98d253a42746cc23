"use client";

import { useSyncExternalStore } from "react";
import { getServerThemeChoice, getThemeChoice, subscribeTheme, type ThemeChoice } from "@/lib/theme";

/** The stored theme choice; "system" on the server and during hydration (only the browser knows it). */
export function useThemeChoice(): ThemeChoice {
  return useSyncExternalStore(subscribeTheme, getThemeChoice, getServerThemeChoice);
}
