import { redirect } from "next/navigation";
import { currentUser } from "@/lib/dal/session";
import { ROLE_HOME } from "@/lib/permissions";

export default async function Home() {
  const user = await currentUser();
  redirect(user ? ROLE_HOME[user.role] : "/login");
}
