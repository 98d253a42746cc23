// Light, dark or the system's choice: the class on <html> that Tailwind's `dark:` variant reads, and the native
// controls' color-scheme. Set before first paint by THEME_SCRIPT (inline, with the request's CSP nonce) and changed
// only when the user picks another theme or, on "system", when the operating system switches. next-themes did the
// same but re-applied the theme on mount, forcing two full-document style recalculations during every page's
// hydration (issue 8: Lighthouse total blocking time); this keeps the same storage key, so a stored choice stays.

export const THEME_STORAGE_KEY = "theme";
export const THEME_CHOICES = ["light", "dark", "system"] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];
export type ResolvedTheme = "light" | "dark";

const DARK_QUERY = "(prefers-color-scheme: dark)";

export function parseThemeChoice(value: unknown): ThemeChoice {
  return THEME_CHOICES.includes(value as ThemeChoice) ? (value as ThemeChoice) : "system";
}

export function resolveTheme(choice: ThemeChoice, systemDark: boolean): ResolvedTheme {
  return choice === "system" ? (systemDark ? "dark" : "light") : choice;
}

/** Runs in <head>/<body> before anything paints: no imports, nothing but the DOM (it is serialized as text). */
function applyStoredTheme(key: string, query: string) {
  try {
    let choice = localStorage.getItem(key);
    if (choice !== "light" && choice !== "dark") choice = matchMedia(query).matches ? "dark" : "light";
    const root = document.documentElement;
    root.classList.add(choice);
    root.style.colorScheme = choice;
  } catch {
    // Storage or matchMedia blocked: the light theme of the stylesheet applies.
  }
}

export const THEME_SCRIPT = `(${applyStoredTheme.toString()})(${JSON.stringify(THEME_STORAGE_KEY)},${JSON.stringify(DARK_QUERY)})`;

// The client side: one store for the stored choice, shared by the toggle and the toasts.
const listeners = new Set<() => void>();
let media: MediaQueryList | null = null;

function storedChoice(): ThemeChoice {
  try {
    return parseThemeChoice(localStorage.getItem(THEME_STORAGE_KEY));
  } catch {
    return "system";
  }
}

function apply(choice: ThemeChoice) {
  const resolved = resolveTheme(choice, window.matchMedia(DARK_QUERY).matches);
  const root = document.documentElement;
  if (root.classList.contains(resolved) && root.style.colorScheme === resolved) return;
  // No transition runs while the whole page changes colour: it would animate every bordered element.
  const freeze = document.createElement("style");
  freeze.textContent = "*,*::before,*::after{transition:none!important}";
  document.head.appendChild(freeze);
  root.classList.remove(resolved === "dark" ? "light" : "dark");
  root.classList.add(resolved);
  root.style.colorScheme = resolved;
  window.getComputedStyle(document.body).getPropertyValue("color");
  window.setTimeout(() => freeze.remove(), 1);
}

function notify() {
  for (const l of listeners) l();
}

function onSystemChange() {
  if (storedChoice() === "system") apply("system");
  notify();
}

function onStorage(e: StorageEvent) {
  if (e.key !== THEME_STORAGE_KEY) return;
  apply(storedChoice());
  notify();
}

export function subscribeTheme(listener: () => void): () => void {
  if (listeners.size === 0) {
    media = window.matchMedia(DARK_QUERY);
    media.addEventListener("change", onSystemChange);
    window.addEventListener("storage", onStorage);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      media?.removeEventListener("change", onSystemChange);
      window.removeEventListener("storage", onStorage);
    }
  };
}

export const getThemeChoice = storedChoice;

/** What the server renders and hydration starts from (the server cannot read localStorage). */
export const getServerThemeChoice = (): ThemeChoice => "system";

export function setThemeChoice(choice: ThemeChoice) {
  try {
    if (choice === "system") localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Storage blocked: the choice holds for this page only.
  }
  apply(choice);
  notify();
}
