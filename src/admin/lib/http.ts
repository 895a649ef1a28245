// A small fetch wrapper for the admin: same-origin, with the admin session cookie.

export class ApiError extends Error {
  readonly status: number
  readonly type: string | undefined

  constructor(status: number, message: string, type?: string) {
    super(message)
    this.name = "ApiError"
    this.status = status
    this.type = type
  }
}

type Query = Record<string, string | number | boolean | null | undefined>

export function toQueryString(query?: Query): string {
  if (!query) return ""
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue
    params.set(key, String(value))
  }
  const text = params.toString()
  return text ? `?${text}` : ""
}

async function errorFrom(res: Response): Promise<ApiError> {
  let message = `${res.status} ${res.statusText}`
  let type: string | undefined
  try {
    const body = (await res.json()) as { message?: unknown; type?: unknown }
    if (typeof body.message === "string" && body.message) message = body.message
    if (typeof body.type === "string") type = body.type
  } catch {
    /* not JSON */
  }
  return new ApiError(res.status, message, type)
}

export async function request<T>(
  method: "GET" | "POST" | "DELETE",
  path: string,
  options: { query?: Query; body?: unknown } = {}
): Promise<T> {
  const res = await fetch(`${path}${toQueryString(options.query)}`, {
    method,
    credentials: "include",
    headers: options.body === undefined ? { accept: "application/json" } : { accept: "application/json", "content-type": "application/json" },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  })
  if (!res.ok) throw await errorFrom(res)
  return (await res.json()) as T
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}
