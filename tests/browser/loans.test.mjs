// Browser tests of loans and financing 贷款融资 (担保贷款台账, 贷款产品, 融资需求) against the real
// server, as a clerk (业务经办) of 荆州市 and a leader (see harness.mjs).
// Run: cd tests/browser && npm install && node --test loans.test.mjs   (web/dist built first)
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { apiAs, startServer, launchBrowser, shot, menuText, pickOption, pickDate, signedInPage, openMenu, ACCOUNTS } from './harness.mjs'

let server
let browser
let call // the clerk's API, for the setup
const BORROWER = { name: '贷款人周平', region_code: '421022101001', status: 'returned', status_since: '2024-03-01' }

before(async () => {
  server = await startServer({ logName: 'server-loans.log' })
  browser = await launchBrowser()
  call = await apiAs(server, ACCOUNTS.clerk.username)
  const p = await call('POST', '/people', BORROWER)
  assert.equal(p.status, 201, JSON.stringify(p.body))
  BORROWER.id = p.body.id
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

test('a clerk registers a guaranteed loan, reads its subsidy schedule and records a payment', async () => {
  const { context, page } = await signedInPage(browser, server.url, ACCOUNTS.clerk.username)
  try {
    assert.match(await menuText(page), /贷款融资/)
    await page.locator('.el-sub-menu__title', { hasText: '贷款融资' }).click()
    await openMenu(page, '担保贷款台账', /#\/loans$/)
    await page.locator('[data-test=loans-create]').click()
    const dialog = page.locator('[data-test=loan-dialog]')
    await dialog.locator('[data-test=loan-person] input').first().fill('周平')
    const option = page.locator('.el-select-dropdown__item:visible', { hasText: BORROWER.name }).first()
    // The borrower with where they live, to tell namesakes apart.
    assert.equal(await option.innerText(), `${BORROWER.name}（斗湖堤镇 / 杨公堤社区）`)
    await option.click()
    await dialog.locator('[data-test=loan-bank] input').fill('公安农商银行')
    const amount = dialog.locator('[data-test=loan-amount] input')
    await amount.fill('300000')
    await amount.blur()
    const rate = dialog.locator('[data-test=loan-rate] input')
    await rate.fill('4.5')
    await rate.blur()
    await pickDate(dialog.locator('[data-test=loan-contract]'), '2025-06-01')
    const term = dialog.locator('[data-test=loan-term] input')
    await term.fill('12')
    await term.blur()
    await dialog.locator('[data-test=loan-save]').click()

    const drawer = page.locator('[data-test=loan-drawer]')
    await drawer.locator('[data-test=loan-schedule]').waitFor()
    const first = drawer.locator('[data-test=loan-schedule] .el-table__body tr').first()
    assert.match(await first.innerText(), /1,125\.00 元/)
    assert.match(await first.innerText(), /562\.50 元/)
    assert.match(await drawer.locator('[data-test=loan-check]').innerText(), /利率不超过合同签订日LPR\+150BP：满足/)
    await shot(page, 'loans-schedule')
    // The payment form proposes the first month still owed, in full.
    await drawer.locator('[data-test=loan-pay]').click()
    await drawer.locator('[data-test=loan-subsidies] .el-table__body tr').first().waitFor()
    assert.match(await drawer.locator('[data-test=loan-subsidies]').innerText(), /562\.50 元/)
    assert.deepEqual(page.errors, [])
  } finally {
    await context.close()
  }
})

test('a clerk registers a financing request, reads its code and moves it; the applicant looks it up', async () => {
  const { context, page } = await signedInPage(browser, server.url, ACCOUNTS.clerk.username)
  try {
    await page.goto(`${server.url}/#/loans/financing`)
    await page.locator('[data-test=financing-create]').click()
    const dialog = page.locator('[data-test=financing-dialog]')
    const inputs = dialog.locator('.el-input input')
    await inputs.nth(0).fill('申请人吴敏')
    await inputs.nth(1).fill('13812348765')
    await pickOption(page, dialog.locator('.el-form-item', { hasText: '意向产品' }), '虾农贷')
    await dialog.locator('[data-test=financing-save]').click()
    const drawer = page.locator('[data-test=financing-drawer]')
    const alert = drawer.locator('.el-alert__title')
    await alert.waitFor()
    const code = (await alert.innerText()).replace('查询码：', '').trim()
    assert.match(code, /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/)
    await drawer.locator('[data-test=financing-move]').click()
    await drawer.locator('.el-timeline-item', { hasText: '银行已受理' }).waitFor()
    await shot(page, 'financing-moved')

    const look = await fetch(`${server.url}/api/v1/public/financing/${code}?phone4=8765`)
    assert.equal(look.status, 200)
    const body = await look.json()
    assert.equal(body.status_label, '银行已受理')
    assert.equal(body.applicant_name, undefined)
    assert.deepEqual(page.errors, [])
  } finally {
    await context.close()
  }
})

test('a leader reads the ledger and the products but registers nothing', async () => {
  const { context, page } = await signedInPage(browser, server.url, ACCOUNTS.leader.username)
  try {
    await page.goto(`${server.url}/#/loans/products`)
    await page.locator('[data-test=products-table] .el-table__body tr', { hasText: '楚商贷' }).waitFor()
    assert.equal(await page.locator('[data-test=products-create]').count(), 0)
    await page.goto(`${server.url}/#/loans`)
    await page.locator('[data-test=loans-table] .el-table__body tr', { hasText: BORROWER.name }).waitFor()
    assert.equal(await page.locator('[data-test=loans-create]').count(), 0)
    assert.deepEqual(page.errors, [])
  } finally {
    await context.close()
  }
})
