import connectRecommendationStore from "../../src/modules/recommendations/loaders/connect-store"
import { InvalidPluginOptionsError, parsePluginOptions } from "../../src/modules/recommendations/options"

describe("plugin options", () => {
  it("have working defaults", () => {
    expect(parsePluginOptions(undefined)).toMatchObject({
      queuePrefix: "reco",
      anonymousIdCookie: "reco_anon_id",
      anonymousIdHeader: "x-reco-anonymous-id",
      retentionDays: 730,
      maxEventAgeDays: 7,
      migrateOnStart: true,
      cookie: { sameSite: "lax", maxAgeDays: 365 },
    })
  })

  it.each([
    [{ queuePrefix: "bull" }, /option "queuePrefix": 'bull' is Medusa's own prefix/],
    [{ queuePrefix: "has space" }, /option "queuePrefix"/],
    [{ redisUrl: "not a url" }, /option "redisUrl"/],
    [{ retentionDays: 0 }, /option "retentionDays"/],
    [{ anonymousIdCookie: "a;b" }, /option "anonymousIdCookie": not a valid cookie name/],
    [{ cookie: { sameSite: "sometimes" } }, /option "cookie.sameSite"/],
    [{ retentionDay: 30 }, /unknown option\(s\) "retentionDay"/],
  ])("name the bad option in %o", (options, message) => {
    expect(() => parsePluginOptions(options)).toThrow(InvalidPluginOptionsError)
    expect(() => parsePluginOptions(options)).toThrow(message)
  })

  it("fail the module loader (and so Medusa's start-up) before anything connects", async () => {
    const container = { resolve: jest.fn(), register: jest.fn() }
    await expect(
      connectRecommendationStore({ container: container as never, options: { queuePrefix: "bull", database: {} } })
    ).rejects.toThrow(/invalid plugin options: option "queuePrefix"/)
    expect(container.register).not.toHaveBeenCalled()
  })
})
