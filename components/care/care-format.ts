import {
  Brain,
  CalendarCheck,
  Droplets,
  type LucideIcon,
  Moon,
  PersonStanding,
  Pill,
  Syringe,
  Target,
} from "lucide-react";
import type { PlanItemKind } from "@/lib/dal/care";

export const PLAN_ITEM_ICONS: Record<PlanItemKind, LucideIcon> = {
  stretching_massage: PersonStanding,
  hydration_electrolytes: Droplets,
  rest_stress: Moon,
  treat_underlying_cause: Target,
  medication: Pill,
  injection: Syringe,
  neurology_referral: Brain,
  follow_up: CalendarCheck,
};

/** A calendar date (YYYY-MM-DD) as noon UTC, so formatting in the clinic's time zone keeps the same day. */
export function calendarDate(iso: string): Date {
  return new Date(`${iso}T12:00:00Z`);
}
