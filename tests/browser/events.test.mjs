// Browser test of events 活动 against the real server, as a clerk (业务经办) of 荆州市: register an
// event, invite a merchant picked from the merchant library, check the merchant in, and see the
// attendance in the list.
// Run: cd tests/browser && npm install && node --test events.test.mjs   (web/dist built first)
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { apiAs, startServer, launchBrowser, shot, menuText, signedInPage, ACCOUNTS } from './harness.mjs'

let server
let browser
const MERCHANT = { name: '覃楚商', enterprise_name: '深圳覃氏电子有限公司', phone: '13812345678', hometown_code: '421022', intention_strength: 'strong' }
const TITLE = '“清明话家乡”楚商回乡投资推介会'

before(async () => {
  server = await startServer({ logName: 'server-events.log' })
  browser = await launchBrowser()
  const call = await apiAs(server, ACCOUNTS.clerk.username)
  const res = await call('POST', '/merchants', MERCHANT)
  assert.equal(res.status, 201, JSON.stringify(res.body))
  MERCHANT.id = res.body.id
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

async function message(page, pattern) {
  const m = page.locator('.el-message', { hasText: pattern }).last()
  await m.waitFor()
  return (await m.innerText()).trim()
}

test('a clerk registers an event, invites a merchant and checks the merchant in', { timeout: 150_000 }, async () => {
  const { context, page } = await signedInPage(browser, server.url, ACCOUNTS.clerk.username)
  try {
    assert.match(await menuText(page), /活动/)
    await page.goto(`${server.url}/#/events`)
    await page.locator('[data-test=events-total]').waitFor()
    assert.match(await page.locator('[data-test=events-total]').innerText(), /共 0 场活动/)

    // Today, in the account's own region (the city): a city-level event.
    await page.locator('[data-test=events-create]').click()
    const dialog = page.locator('[data-test=event-dialog]')
    await dialog.locator('[data-test=event-form-title] input').waitFor()
    await dialog.locator('[data-test=event-form-title] input').fill(TITLE)
    await dialog.locator('[data-test=event-save]').click()
    assert.match(await message(page, '已登记'), /清明话家乡/)

    // The new event's drawer opens: invite the merchant.
    const drawer = page.locator('[data-test=event-drawer]')
    const picker = drawer.locator('[data-test=event-invite-merchant]')
    await picker.locator('.el-select__wrapper').first().click()
    await picker.locator('input').first().fill(MERCHANT.name)
    await page.locator('.el-select-dropdown__item:visible', { hasText: MERCHANT.name }).first().click()
    await drawer.locator('[data-test=event-invite-merchant-save]').click()
    assert.match(await message(page, '已邀请'), /已邀请 1 人/)
    const guest = drawer.locator('[data-test=event-invitees] .el-table__body .el-table__row', { hasText: MERCHANT.name })
    await guest.waitFor()
    assert.match(await guest.innerText(), /138\*\*\*\*5678/)
    assert.match(await guest.innerText(), /未签到/)

    await guest.locator('[data-test=invitee-check-in]').click()
    assert.match(await message(page, '已签到'), new RegExp(MERCHANT.name))
    await guest.locator('[data-test=invitee-checked-in]').waitFor()
    assert.match(await drawer.locator('[data-test=event-attendance-summary]').innerText(), /已签到 1 \/ 邀请 1/)
    await shot(page, 'e01-event-checked-in')
    await drawer.locator('.el-drawer__close-btn').click()

    const row = page.locator('[data-test=events-table] .el-table__body .el-table__row', { hasText: TITLE })
    await row.waitFor()
    assert.match(await row.innerText(), /市级/)
    assert.match(await row.innerText(), /推介会/)
    await row.locator('[data-test=event-attendance]', { hasText: '1 / 1' }).waitFor()
    await shot(page, 'e02-events-list')
    assert.deepEqual(page.errors, [])
  } finally {
    await context.close()
  }
})
