/**
 * A small typed client for Medusa's store API and the plugin's storefront events endpoint.
 *
 * It needs only a base URL and a publishable API key, so the demo (against `medusa develop`)
 * and the integration tests (against an app booted by @medusajs/test-utils) share it:
 *
 *   const store = new StoreClient("http://localhost:9000", "pk_...")
 *   const { token } = await store.registerCustomer({ email, password })
 *   const { cart } = await store.createCart({ region_id }, { token })
 *
 * Every method throws a StoreApiError (status, method, path, body) on a non-2xx answer.
 * Uses the global fetch of Node 18+; nothing here depends on a particular store.
 */
import type { HttpTypes } from "@medusajs/framework/types"
import type { StorefrontEventFields } from "../../src/capture/storefront-events"

/** Who the request is for: a logged-in customer's token and/or an anonymous shopper id. */
export type ShopperAuth = {
  /** A customer JWT from `login` / `registerCustomer`, sent as `Authorization: Bearer`. */
  token?: string
  /** The plugin's anonymous shopper id (8-64 of [A-Za-z0-9_-]), sent in the anonymous-id header. */
  anonymousId?: string
}

export type StoreClientOptions = {
  /** Header that carries the anonymous shopper id; the plugin's default is x-reco-anonymous-id. */
  anonymousIdHeader?: string
  /** Per-request timeout in milliseconds (default 60 s). */
  timeoutMs?: number
  /** A fetch implementation (default: the global one). */
  fetch?: typeof fetch
}

export type QueryValue = string | number | boolean | undefined | null | Array<string | number>
export type Query = Record<string, QueryValue>

/** One storefront behaviour event, as the plugin's POST /store/recommendations/events takes it. */
export type RecoStorefrontEvent = StorefrontEventFields

export type RecoEventsResponse = {
  accepted: number
  stored: number
  duplicates: number
  actor_type: "customer" | "anonymous"
  anonymous_id: string | null
}

export type RegisterCustomerInput = {
  email: string
  password: string
  first_name?: string
  last_name?: string
  phone?: string
}

export type RegisteredCustomer = {
  customer: HttpTypes.StoreCustomer
  /** A login token for the new customer (not the one-off registration token). */
  token: string
}

export type PaymentSetup = {
  payment_collection: HttpTypes.StorePaymentCollection
}

export type PlacedOrder = {
  order: HttpTypes.StoreOrder
}

export class StoreApiError extends Error {
  override name = "StoreApiError"
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: unknown
  ) {
    super(`${method} ${path} answered ${status}: ${describeBody(body)}`)
  }
}

/** Raised when a cart could not be completed into an order (Medusa answers 200 with type "cart"). */
export class CartCompletionError extends Error {
  override name = "CartCompletionError"
  constructor(
    readonly cartId: string,
    readonly detail: { message: string; name: string; type: string }
  ) {
    super(`cart ${cartId} was not completed: ${detail.message}`)
  }
}

function describeBody(body: unknown): string {
  if (body && typeof body === "object" && "message" in body && typeof body.message === "string") {
    return body.message
  }
  const text = typeof body === "string" ? body : JSON.stringify(body)
  return text.length > 300 ? `${text.slice(0, 300)}...` : text
}

function queryString(query: Query | undefined): string {
  if (!query) return ""
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue
    if (Array.isArray(value)) {
      for (const v of value) params.append(`${key}[]`, String(v))
    } else {
      params.append(key, String(value))
    }
  }
  const text = params.toString()
  return text ? `?${text}` : ""
}

type RequestOptions = {
  body?: unknown
  query?: Query
  auth?: ShopperAuth
  /** Skip the publishable key (auth routes do not need it). */
  noKey?: boolean
}

export class StoreClient {
  readonly baseUrl: string
  private readonly anonymousIdHeader: string
  private readonly timeoutMs: number
  private readonly fetchImpl: typeof fetch

  constructor(
    baseUrl: string,
    readonly publishableKey: string,
    options: StoreClientOptions = {}
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, "")
    this.anonymousIdHeader = options.anonymousIdHeader ?? "x-reco-anonymous-id"
    this.timeoutMs = options.timeoutMs ?? 60_000
    this.fetchImpl = options.fetch ?? fetch
  }

  /** Any store or auth route; typed by the caller. */
  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { accept: "application/json" }
    if (!options.noKey) headers["x-publishable-api-key"] = this.publishableKey
    if (options.body !== undefined) headers["content-type"] = "application/json"
    if (options.auth?.token) headers.authorization = `Bearer ${options.auth.token}`
    if (options.auth?.anonymousId) headers[this.anonymousIdHeader] = options.auth.anonymousId

    const url = `${this.baseUrl}${path}${queryString(options.query)}`
    const response = await this.fetchImpl(url, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(this.timeoutMs),
    })
    const text = await response.text()
    let parsed: unknown = text
    if (text && (response.headers.get("content-type") ?? "").includes("json")) {
      try {
        parsed = JSON.parse(text)
      } catch {
        parsed = text
      }
    }
    if (!response.ok) {
      throw new StoreApiError(method, path, response.status, parsed)
    }
    return parsed as T
  }

  // ---------------------------------------------------------------- customers

  /**
   * Creates an email/password identity and the customer record, then refreshes the
   * registration token into a customer token (Medusa's documented sign-up flow; no second
   * password check).
   */
  async registerCustomer(input: RegisterCustomerInput): Promise<RegisteredCustomer> {
    const { token: registrationToken } = await this.request<{ token: string }>(
      "POST",
      "/auth/customer/emailpass/register",
      { body: { email: input.email, password: input.password }, noKey: true }
    )
    const body: HttpTypes.StoreCreateCustomer = {
      email: input.email,
      first_name: input.first_name,
      last_name: input.last_name,
      phone: input.phone,
    }
    const { customer } = await this.request<HttpTypes.StoreCustomerResponse>("POST", "/store/customers", {
      body,
      auth: { token: registrationToken },
    })
    const token = await this.refreshToken(registrationToken)
    return { customer, token }
  }

  /** POST /auth/token/refresh: a fresh token (after sign-up it carries the new customer id). */
  async refreshToken(token: string): Promise<string> {
    const result = await this.request<{ token?: string }>("POST", "/auth/token/refresh", {
      auth: { token },
      noKey: true,
    })
    if (!result.token) {
      throw new StoreApiError("POST", "/auth/token/refresh", 200, result)
    }
    return result.token
  }

  /** Email/password login; returns the customer's bearer token. */
  async login(email: string, password: string): Promise<string> {
    const result = await this.request<{ token?: string; location?: string }>("POST", "/auth/customer/emailpass", {
      body: { email, password },
      noKey: true,
    })
    if (!result.token) {
      throw new StoreApiError("POST", "/auth/customer/emailpass", 200, result)
    }
    return result.token
  }

  async me(auth: ShopperAuth): Promise<HttpTypes.StoreCustomer> {
    const { customer } = await this.request<HttpTypes.StoreCustomerResponse>("GET", "/store/customers/me", { auth })
    return customer
  }

  // ---------------------------------------------------------------- catalogue

  async listRegions(query?: Query): Promise<HttpTypes.StoreRegionListResponse> {
    return this.request("GET", "/store/regions", { query })
  }

  async listProducts(query?: Query, auth?: ShopperAuth): Promise<HttpTypes.StoreProductListResponse> {
    return this.request("GET", "/store/products", { query, auth })
  }

  async listCategories(query?: Query): Promise<HttpTypes.StoreProductCategoryListResponse> {
    return this.request("GET", "/store/product-categories", { query })
  }

  async listCollections(query?: Query): Promise<HttpTypes.StoreCollectionListResponse> {
    return this.request("GET", "/store/collections", { query })
  }

  // ---------------------------------------------------------------- carts

  /** A logged-in shopper's cart belongs to the customer; guests may tag it via metadata. */
  async createCart(input: HttpTypes.StoreCreateCart, auth?: ShopperAuth): Promise<HttpTypes.StoreCart> {
    const { cart } = await this.request<HttpTypes.StoreCartResponse>("POST", "/store/carts", { body: input, auth })
    return cart
  }

  async getCart(cartId: string, auth?: ShopperAuth, query?: Query): Promise<HttpTypes.StoreCart> {
    const { cart } = await this.request<HttpTypes.StoreCartResponse>("GET", `/store/carts/${cartId}`, { auth, query })
    return cart
  }

  async updateCart(cartId: string, input: HttpTypes.StoreUpdateCart, auth?: ShopperAuth): Promise<HttpTypes.StoreCart> {
    const { cart } = await this.request<HttpTypes.StoreCartResponse>("POST", `/store/carts/${cartId}`, {
      body: input,
      auth,
    })
    return cart
  }

  async setEmail(cartId: string, email: string, auth?: ShopperAuth): Promise<HttpTypes.StoreCart> {
    return this.updateCart(cartId, { email }, auth)
  }

  /** Sets the shipping address, and the billing address (the same one unless given). */
  async setAddresses(
    cartId: string,
    shipping: HttpTypes.StoreAddAddress,
    billing: HttpTypes.StoreAddAddress = shipping,
    auth?: ShopperAuth
  ): Promise<HttpTypes.StoreCart> {
    return this.updateCart(cartId, { shipping_address: shipping, billing_address: billing }, auth)
  }

  /** Hands a guest cart to the logged-in customer (emits cart.customer_transferred). */
  async transferCart(cartId: string, auth: ShopperAuth): Promise<HttpTypes.StoreCart> {
    const { cart } = await this.request<HttpTypes.StoreCartResponse>("POST", `/store/carts/${cartId}/customer`, {
      auth,
    })
    return cart
  }

  async addLineItem(
    cartId: string,
    item: HttpTypes.StoreAddCartLineItem,
    auth?: ShopperAuth
  ): Promise<HttpTypes.StoreCart> {
    const { cart } = await this.request<HttpTypes.StoreCartResponse>("POST", `/store/carts/${cartId}/line-items`, {
      body: item,
      auth,
    })
    return cart
  }

  async updateLineItem(
    cartId: string,
    lineItemId: string,
    update: HttpTypes.StoreUpdateCartLineItem,
    auth?: ShopperAuth
  ): Promise<HttpTypes.StoreCart> {
    const { cart } = await this.request<HttpTypes.StoreCartResponse>(
      "POST",
      `/store/carts/${cartId}/line-items/${lineItemId}`,
      { body: update, auth }
    )
    return cart
  }

  async removeLineItem(cartId: string, lineItemId: string, auth?: ShopperAuth): Promise<HttpTypes.StoreCart> {
    const result = await this.request<HttpTypes.StoreLineItemDeleteResponse>(
      "DELETE",
      `/store/carts/${cartId}/line-items/${lineItemId}`,
      { auth }
    )
    return result.parent ?? this.getCart(cartId, auth)
  }

  // ---------------------------------------------------------------- checkout

  async listShippingOptions(
    cartId: string,
    auth?: ShopperAuth
  ): Promise<HttpTypes.StoreCartShippingOptionWithServiceZone[]> {
    const { shipping_options } = await this.request<HttpTypes.StoreShippingOptionListResponse>(
      "GET",
      "/store/shipping-options",
      { query: { cart_id: cartId }, auth }
    )
    return shipping_options
  }

  async addShippingMethod(
    cartId: string,
    optionId: string,
    data?: Record<string, unknown>,
    auth?: ShopperAuth
  ): Promise<HttpTypes.StoreCart> {
    const body: HttpTypes.StoreAddCartShippingMethods = data ? { option_id: optionId, data } : { option_id: optionId }
    const { cart } = await this.request<HttpTypes.StoreCartResponse>(
      "POST",
      `/store/carts/${cartId}/shipping-methods`,
      { body, auth }
    )
    return cart
  }

  /** Adds the first (or the chosen) shipping option the cart can use; throws when there is none. */
  async addAnyShippingMethod(
    cartId: string,
    choose: (options: HttpTypes.StoreCartShippingOptionWithServiceZone[]) => string | undefined = (o) => o[0]?.id,
    auth?: ShopperAuth
  ): Promise<HttpTypes.StoreCart> {
    const options = await this.listShippingOptions(cartId, auth)
    const optionId = choose(options)
    if (!optionId) {
      throw new StoreApiError("GET", `/store/shipping-options?cart_id=${cartId}`, 200, {
        message: "no shipping option is available for this cart",
      })
    }
    return this.addShippingMethod(cartId, optionId, undefined, auth)
  }

  async createPaymentCollection(cartId: string, auth?: ShopperAuth): Promise<HttpTypes.StorePaymentCollection> {
    const body: HttpTypes.StoreCreatePaymentCollection = { cart_id: cartId }
    const { payment_collection } = await this.request<HttpTypes.StorePaymentCollectionResponse>(
      "POST",
      "/store/payment-collections",
      { body, auth }
    )
    return payment_collection
  }

  async initPaymentSession(
    paymentCollectionId: string,
    providerId = "pp_system_default",
    data?: Record<string, unknown>,
    auth?: ShopperAuth
  ): Promise<HttpTypes.StorePaymentCollection> {
    const body: HttpTypes.StoreInitializePaymentSession = data ? { provider_id: providerId, data } : { provider_id: providerId }
    const { payment_collection } = await this.request<HttpTypes.StorePaymentCollectionResponse>(
      "POST",
      `/store/payment-collections/${paymentCollectionId}/payment-sessions`,
      { body, auth }
    )
    return payment_collection
  }

  /** Payment collection for the cart plus a session with the given provider (default pp_system_default). */
  async preparePayment(cartId: string, providerId = "pp_system_default", auth?: ShopperAuth): Promise<PaymentSetup> {
    const collection = await this.createPaymentCollection(cartId, auth)
    const payment_collection = await this.initPaymentSession(collection.id, providerId, undefined, auth)
    return { payment_collection }
  }

  /** Medusa's raw answer: `{type: "order", order}` or `{type: "cart", cart, error}`. */
  async completeCart(cartId: string, auth?: ShopperAuth): Promise<HttpTypes.StoreCompleteCartResponse> {
    return this.request<HttpTypes.StoreCompleteCartResponse>("POST", `/store/carts/${cartId}/complete`, { auth })
  }

  /** Completes the cart and returns the order; throws CartCompletionError when Medusa says no. */
  async placeOrder(cartId: string, auth?: ShopperAuth): Promise<PlacedOrder> {
    const result = await this.completeCart(cartId, auth)
    if (result.type === "order") {
      return { order: result.order }
    }
    throw new CartCompletionError(cartId, result.error)
  }

  // ---------------------------------------------------------------- recommendations plugin

  /** POST /store/recommendations/events (1-500 events per call); answers after the rows are stored. */
  async sendEvents(events: RecoStorefrontEvent[], auth: ShopperAuth = {}): Promise<RecoEventsResponse> {
    return this.request<RecoEventsResponse>("POST", "/store/recommendations/events", { body: { events }, auth })
  }
}
