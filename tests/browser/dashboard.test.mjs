// Browser test of the leaders' dashboard 驾驶舱 against the real server: a leader of 荆州市 opens
// the dashboard, sees a new venture counted in its card, drills into the county it lies in, and
// opens the records behind the figure.
// Run: cd tests/browser && npm install && node --test dashboard.test.mjs   (web/dist built first)
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { apiAs, startServer, launchBrowser, shot, signedInPage, ACCOUNTS } from './harness.mjs'

let server
let browser
const YEAR = new Date().getFullYear()
const VENTURE = '公安县藕带加工坊'

before(async () => {
  server = await startServer({ logName: 'server-dashboard.log' })
  browser = await launchBrowser()
  const call = await apiAs(server, ACCOUNTS.clerk.username)
  const person = await call('POST', '/people', { name: '驾驶舱测试', region_code: '421022100001', status: 'started_business' })
  assert.equal(person.status, 201, JSON.stringify(person.body))
  const today = new Date().toISOString().slice(0, 10)
  const venture = await call('POST', '/ventures', {
    type: '个体户',
    name: VENTURE,
    credit_code: '92421022MA4WD0001P', // GB 32100, check character worked out by hand
    registered_on: today,
    region_code: '421022100001',
    founder_ids: [person.body.id]
  })
  assert.equal(venture.status, 201, JSON.stringify(venture.body))
  // The city's target for the year: 4 new ventures.
  const target = await call('PUT', '/targets', { region_code: '421000', year: YEAR, indicator_code: 'new_ventures', value: 4, source: '年度任务书' })
  assert.equal(target.status, 200, JSON.stringify(target.body))
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

test('a leader opens the dashboard, drills into a county and opens the records behind a figure', { timeout: 150_000 }, async () => {
  const { context, page } = await signedInPage(browser, server.url, ACCOUNTS.leader.username)
  try {
    await page.goto(`${server.url}/#/dashboard`)
    const card = page.locator('[data-test=indicator-card-new_ventures]')
    await card.waitFor()
    await page.locator('[data-test=dashboard-crumbs]', { hasText: '荆州市' }).waitFor()
    assert.match(await card.locator('[data-test=card-actual]').innerText(), /^1 户$/)
    assert.match(await card.innerText(), /目标 4 户/)
    assert.match(await card.innerText(), /25\.0%/)
    // The map of the city's counties is drawn from the packaged outlines.
    await page.locator('[data-test=dashboard-map] canvas').first().waitFor()
    await page.locator('[data-test=dashboard-map]').scrollIntoViewIfNeeded()
    await shot(page, 'dashboard-city')

    // Drill into 公安县 from the ranking.
    await page.locator('[data-test=dashboard-ranking] .el-table__row', { hasText: '公安县' }).click()
    await page.locator('[data-test=dashboard-crumbs]', { hasText: '公安县' }).waitFor()
    await page.waitForFunction(() => location.hash.includes('region=421022'))
    const countyCard = page.locator('[data-test=indicator-card-new_ventures] [data-test=card-actual]')
    await page.waitForFunction(() => document.querySelector('[data-test=dashboard-crumbs]')?.innerText.includes('公安县') || false)
    assert.match(await countyCard.innerText(), /^1 户$/)

    // The records behind the county's figure.
    await page.locator('[data-test=indicator-card-new_ventures]').click()
    const drawer = page.locator('[data-test=indicator-drawer]')
    const link = drawer.locator('[data-test=drawer-record-link]', { hasText: VENTURE })
    await link.waitFor()
    assert.match(await drawer.innerText(), /返乡创业主体/)
    await shot(page, 'dashboard-county-records')
  } finally {
    await context.close()
  }
})
