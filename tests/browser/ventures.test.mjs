// Browser test of ventures 返乡创业经营主体 against the real server, as a clerk (业务经办) of 荆州市:
// register a venture with its founder picked from the people registry, record an employment count,
// and find it in the founder's file (一人一档); import a 台账 sheet through 主体导入.
// Run: cd tests/browser && npm install && node --test ventures.test.mjs   (web/dist built first)
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { apiAs, startServer, launchBrowser, shot, menuText, openMenu, importFinished, uploadCsv, assertCounts, signedInPage, ACCOUNTS, idNumber } from './harness.mjs'

let server
let browser
let call // the clerk's API, for the setup
const FOUNDER = { name: '覃创业', region_code: '421022109001', id_number: idNumber('421022', '19850505', '071') }
const VENTURE = '覃记莲藕加工坊'

before(async () => {
  server = await startServer({ logName: 'server-ventures.log' })
  browser = await launchBrowser()
  call = await apiAs(server, ACCOUNTS.clerk.username)
  const res = await call('POST', '/people', FOUNDER)
  assert.equal(res.status, 201, JSON.stringify(res.body))
  FOUNDER.id = res.body.id
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

test('a clerk registers a venture with its founder, records a count and finds it in the person file', { timeout: 150_000 }, async () => {
  const { context, page } = await signedInPage(browser, server.url, ACCOUNTS.clerk.username)
  try {
    assert.match(await menuText(page), /创业主体台账/)
    await page.goto(`${server.url}/#/ventures`)
    await page.locator('[data-test=ventures-total]').waitFor()
    assert.match(await page.locator('[data-test=ventures-total]').innerText(), /共 0 个创业主体/)

    await page.locator('[data-test=ventures-create]').click()
    const dialog = page.locator('.el-dialog', { hasText: '登记返乡创业主体' })
    await dialog.waitFor()
    await dialog.locator('[data-test=venture-name]').fill(VENTURE)
    // Without a founder the form asks for one before anything is sent.
    await dialog.locator('[data-test=venture-save]').click()
    const founderError = dialog.locator('[data-test=venture-founders] .el-form-item__error')
    await founderError.waitFor()
    assert.match(await founderError.innerText(), /请至少选择一名创办人/)

    const picker = dialog.locator('[data-test=venture-founders]')
    await picker.locator('.el-select__wrapper').first().click()
    await picker.locator('input').first().fill(FOUNDER.name)
    await page.locator('.el-select-dropdown__item:visible', { hasText: FOUNDER.name }).first().click()
    await dialog.locator('[data-test=venture-name]').click() // close the dropdown
    await dialog.locator('[data-test=venture-employees] input').fill('2')
    await dialog.locator('[data-test=venture-save]').click()
    assert.match(await message(page, '已登记'), new RegExp(VENTURE))
    await shot(page, 'v01-venture-registered')

    const row = page.locator('[data-test=ventures-table] .el-table__body .el-table__row', { hasText: VENTURE })
    await row.waitFor()
    assert.match(await row.innerText(), /个体工商户/)
    assert.match(await row.innerText(), /覃创业/)
    assert.match(await row.locator('[data-test=venture-employees]').innerText(), /2 人/)

    // A later count through 就业.
    await row.locator('[data-test=venture-employment]').click()
    const counts = page.locator('[data-test=employment-dialog]')
    await counts.waitFor()
    await counts.locator('[data-test=employment-count] input').fill('5')
    await counts.locator('[data-test=employment-save]').click()
    assert.match(await message(page, '就业 5 人'), /已登记/)
    await counts.locator('.el-dialog__headerbtn').click()
    await row.locator('[data-test=venture-employees]', { hasText: '5 人' }).waitFor()

    // The founder's file lists it.
    await row.locator('[data-test=venture-founder-link]').click()
    await page.waitForURL(new RegExp(`#/people/${FOUNDER.id}`))
    const card = page.locator('[data-test=person-ventures]')
    await card.waitFor()
    assert.match(await card.innerText(), new RegExp(VENTURE))
    assert.match(await card.innerText(), /5 人/)
    await shot(page, 'v02-person-file-ventures')
    assert.deepEqual(page.errors, [])
  } finally {
    await context.close()
  }
})

test('主体导入: a clerk checks a ventures sheet with an unregistered founder, imports the good row and finds it in the 台账', { timeout: 150_000 }, async () => {
  const { context, page } = await signedInPage(browser, server.url, ACCOUNTS.clerk.username)
  try {
    await openMenu(page, '主体导入', /#\/ventures\/import/)
    assert.match(await page.locator('[data-test=import-header-hint]').innerText(), /创办人身份证号/)
    const stranger = idNumber('421022', '19900909', '083') // valid, but nobody registered has it
    const csv =
      '主体类型,主体名称,所在地,创办人身份证号,带动就业人数\n' +
      `个体户,覃家藕粉店,公安县/南平镇/红星社区,${FOUNDER.id_number},3\n` +
      `合作社,无主合作社,公安县,${stranger},2\n`
    await uploadCsv(page, '创业主体台账.csv', csv)
    // Ventures keep no data source: the check starts without one.
    await page.locator('[data-test=import-check]').click()
    const check = page.locator('[data-test=import-step-check]')
    const checked = await importFinished(page, 'import-step-check')
    await assertCounts(checked, { rows_read: 2, accepted: 1, rejected: 1 })
    const issue = check.locator('[data-test=import-issues] .el-table__body .el-table__row').first()
    assert.match(await issue.innerText(), /^3\b/)
    assert.match(await issue.innerText(), /不在返乡人员信息库中/)
    await shot(page, 'v03-import-dry-run')

    await check.locator('[data-test=import-commit]').click()
    const done = page.locator('[data-test=import-step-done]')
    const imported = await importFinished(page, 'import-step-done')
    assert.equal(await imported('new'), 1)
    assert.match(await done.locator('.el-alert').innerText(), /新增 1 个/)
    await done.locator('[data-test=import-to-ledger]').click()
    await page.waitForURL(/#\/ventures($|\?)/)
    const row = page.locator('[data-test=ventures-table] .el-table__body .el-table__row', { hasText: '覃家藕粉店' })
    await row.waitFor()
    assert.match(await row.innerText(), /覃创业/)
    assert.match(await row.locator('[data-test=venture-employees]').innerText(), /3 人/)
    // Its place as the list shows it: town / community, the whole path on hover.
    assert.equal(await row.locator('[data-test=venture-place]').innerText(), '南平镇 / 红星社区')
    assert.equal(await row.locator('[data-test=venture-place]').getAttribute('title'), '荆州市 / 公安县 / 南平镇 / 红星社区居民委员会')
    assert.equal(await page.locator('[data-test=ventures-table] .el-table__row', { hasText: '无主合作社' }).count(), 0)
    assert.deepEqual(page.errors, [])
  } finally {
    await context.close()
  }
})
