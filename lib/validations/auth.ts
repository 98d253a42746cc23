import { z } from "zod";
import { emailSchema, nameSchema, passwordSchema } from "./common";
import { refinePasswordContext } from "./password";

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "required" }).min(1, { error: "required" }).max(128, { error: "too_long" }),
});

export const registerSchema = z
  .object({
    name: nameSchema,
    email: emailSchema,
    password: passwordSchema,
    confirmPassword: z.string({ error: "required" }),
    locale: z.enum(["fr", "en"]).default("fr"),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    error: "password_mismatch",
  })
  .superRefine(refinePasswordContext("password", (v) => ({ email: v.email, name: v.name })));
export type RegisterInput = z.infer<typeof registerSchema>;
