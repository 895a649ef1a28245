import { isFiveFieldCron } from "../../src/api/admin/recommendations/settings/cron"

describe("isFiveFieldCron (settings: retrain_cron)", () => {
  it.each(["0 3 * * *", "*/15 * * * *", "0 0-23/2 * * MON-FRI", "30 4 1,15 * *", "0 3 * JAN,jul 0", "59 23 31 12 7", " 0  3 * * * "])(
    "accepts %p",
    (cron) => expect(isFiveFieldCron(cron)).toBe(true)
  )
  it.each(["", "0 3 * *", "0 3 * * * *", "60 * * * *", "* 24 * * *", "* * 0 * *", "* * * 13 *", "* * * * 8", "*/0 * * * *", "5-1 * * * *", "1-2-3 * * * *", "@daily", "a b c d e", "0 3 * * MON-", "0,,1 * * * *"])(
    "refuses %p",
    (cron) => expect(isFiveFieldCron(cron)).toBe(false)
  )
})
