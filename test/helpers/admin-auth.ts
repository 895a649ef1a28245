import type { AuthenticationInput, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import type { AxiosInstance } from "axios"

export type AdminSession = {
  userId: string
  token: string
  /** Axios request config with the admin's bearer token. */
  headers: { headers: { authorization: string } }
}

/**
 * An admin user as a merchant gets one: an emailpass identity registered through Medusa's auth
 * module, a user attached to it by Medusa's own workflow, and a JWT from the real login route
 * (POST /auth/user/emailpass). Tests pass `headers` to admin requests.
 */
export async function createAdminSession(
  container: MedusaContainer,
  api: AxiosInstance,
  { email = "admin@example.com", password = "supersecret-admin-1" }: { email?: string; password?: string } = {}
): Promise<AdminSession> {
  const auth = container.resolve(Modules.AUTH)
  const registration = await auth.register("emailpass", { body: { email, password } } as AuthenticationInput)
  if (!registration.success || !registration.authIdentity) throw new Error(`admin registration failed: ${registration.error}`)
  const { result: user } = await createUserAccountWorkflow(container).run({
    input: { authIdentityId: registration.authIdentity.id, userData: { email, first_name: "Admin", last_name: "User" } },
  })
  const { data } = await api.post("/auth/user/emailpass", { email, password })
  const token = data.token as string
  return { userId: user.id, token, headers: { headers: { authorization: `Bearer ${token}` } } }
}
