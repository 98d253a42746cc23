/** The ids that tie a field's control to its label, hint and error (aria-labelledby / aria-describedby). */
export function fieldIds(name: string) {
  const id = `field-${name}`;
  return { id, label: `${id}-label`, hint: `${id}-hint`, error: `${id}-error` };
}

export function describedBy(name: string, opts: { hint?: boolean; error?: string }): string | undefined {
  const ids = fieldIds(name);
  return [opts.hint ? ids.hint : null, opts.error ? ids.error : null].filter(Boolean).join(" ") || undefined;
}

/** In order of preference: a selector list would pick the first match in document order instead. */
const FOCUS_TARGETS = [
  'input[type="radio"]:checked',
  'input[type="radio"]',
  '[role="checkbox"]:not([disabled])',
  'input:not([type="hidden"]), textarea',
];

/** Moves focus to a field's control: the input itself, or the checked (else first) option of a group. */
export function focusField(name: string): void {
  const el = document.getElementById(fieldIds(name).id);
  if (!el) return;
  if (el.matches("input, textarea, select") && !el.hasAttribute("disabled")) {
    el.focus();
    return;
  }
  for (const selector of FOCUS_TARGETS) {
    const target = el.querySelector<HTMLElement>(selector);
    if (target) {
      target.focus();
      return;
    }
  }
}
