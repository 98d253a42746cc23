import { z } from "zod";
import "@/lib/zod-config";

/** A 6-digit authenticator code or a recovery code (xxxx-xxxx-xxxx); the DAL tells which. */
export const mfaCodeSchema = z.object({
  code: z
    .string({ error: "required" })
    .trim()
    .min(1, "required")
    .max(32, "mfaCodeInvalid")
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), "mfaCodeInvalid"),
});

export const staffMfaSettingSchema = z.object({ required: z.boolean() });
export const resetMfaSchema = z.object({ userId: z.uuid() });
