import type { AxiosInstance } from "axios"
import type { StoreFixture } from "./store-fixtures"

type Headers = Record<string, string>

/** Store API calls a shopper makes, through Medusa's own HTTP routes. */
export class Shopper {
  constructor(
    private readonly api: AxiosInstance,
    private readonly store: StoreFixture,
    private readonly auth: Headers = {}
  ) {}

  headers(extra: Headers = {}): Headers {
    return { "x-publishable-api-key": this.store.publishableKey, ...this.auth, ...extra }
  }

  /** Registers a customer and returns a Shopper logged in as them, with their customer id. */
  static async register(api: AxiosInstance, store: StoreFixture, email: string) {
    const password = "supersecret-1"
    const { data: reg } = await api.post("/auth/customer/emailpass/register", { email, password })
    const { data } = await api.post(
      "/store/customers",
      { email, first_name: "Test", last_name: "Shopper" },
      { headers: { "x-publishable-api-key": store.publishableKey, authorization: `Bearer ${reg.token}` } }
    )
    const { data: login } = await api.post("/auth/customer/emailpass", { email, password })
    return {
      shopper: new Shopper(api, store, { authorization: `Bearer ${login.token}` }),
      customerId: data.customer.id as string,
    }
  }

  async createCart(metadata?: Record<string, string>): Promise<string> {
    const { data } = await this.api.post(
      "/store/carts",
      { region_id: this.store.regionEur.id, sales_channel_id: this.store.salesChannelId, metadata },
      { headers: this.headers() }
    )
    return data.cart.id
  }

  async addItem(cartId: string, variantId: string, quantity: number) {
    const { data } = await this.api.post(
      `/store/carts/${cartId}/line-items`,
      { variant_id: variantId, quantity },
      { headers: this.headers() }
    )
    return data.cart as { items: Array<{ id: string; variant_id: string; quantity: number }> }
  }

  async setItemQuantity(cartId: string, lineItemId: string, quantity: number) {
    await this.api.post(`/store/carts/${cartId}/line-items/${lineItemId}`, { quantity }, { headers: this.headers() })
  }

  async removeItem(cartId: string, lineItemId: string) {
    await this.api.delete(`/store/carts/${cartId}/line-items/${lineItemId}`, { headers: this.headers() })
  }

  async transferCart(cartId: string) {
    await this.api.post(`/store/carts/${cartId}/customer`, {}, { headers: this.headers() })
  }

  /** Address, shipping, system payment, complete: returns the order id. */
  async checkout(cartId: string, email: string): Promise<string> {
    const address = { first_name: "A", last_name: "B", address_1: "Main 1", city: "Berlin", country_code: "de", postal_code: "10115" }
    await this.api.post(
      `/store/carts/${cartId}`,
      { email, shipping_address: address, billing_address: address },
      { headers: this.headers() }
    )
    await this.api.post(
      `/store/carts/${cartId}/shipping-methods`,
      { option_id: this.store.shippingOptionId },
      { headers: this.headers() }
    )
    const { data: pc } = await this.api.post(
      "/store/payment-collections",
      { cart_id: cartId },
      { headers: this.headers() }
    )
    await this.api.post(
      `/store/payment-collections/${pc.payment_collection.id}/payment-sessions`,
      { provider_id: "pp_system_default" },
      { headers: this.headers() }
    )
    const { data } = await this.api.post(`/store/carts/${cartId}/complete`, {}, { headers: this.headers() })
    if (data.type !== "order") throw new Error(`cart not completed: ${JSON.stringify(data.error ?? data)}`)
    return data.order.id
  }

  sendEvents(events: unknown[], extra: Headers = {}) {
    return this.api.post("/store/recommendations/events", { events }, { headers: this.headers(extra) })
  }
}
