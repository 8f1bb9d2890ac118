// Browser tests of the policy pages (政策评估, 政策申请, 政策清单) against the real server: a clerk
// evaluates a returnee and reads the trace, files the application from it, reviews it, and a
// colleague approves it (the one who filed cannot); a leader reads the catalogue.
// Run: cd tests/browser && npm install && node --test policies.test.mjs   (web/dist built first)
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { apiAs, startServer, launchBrowser, shot, menuText, signedInPage, ACCOUNTS } from './harness.mjs'

let server
let browser
let call // the clerk's API, for the setup
const PERSON = { name: '政策测试钱芳', region_code: '421022101001', status: 'employed_home', status_since: '2026-02-10' }

before(async () => {
  server = await startServer({ logName: 'server-policies.log' })
  browser = await launchBrowser()
  call = await apiAs(server, ACCOUNTS.clerk.username)
  const p = await call('POST', '/people', PERSON)
  assert.equal(p.status, 201, JSON.stringify(p.body))
  PERSON.id = p.body.id
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

test('a clerk evaluates a returnee, reads why, and files the application from the evaluation', async () => {
  const { context, page } = await signedInPage(browser, server.url, ACCOUNTS.clerk.username)
  try {
    assert.match(await menuText(page), /政策服务/)
    await page.goto(`${server.url}/#/policies/evaluate?person_id=${PERSON.id}`)
    const card = page.locator('[data-test=evaluation-return_transport_subsidy]')
    await card.waitFor()
    assert.equal(await card.locator('[data-test=evaluation-verdict]').innerText(), '符合')
    assert.equal(await card.locator('[data-test=evaluation-amount]').innerText(), '最高500元')
    const sentences = await card.locator('[data-test=evaluation-condition]').allInnerTexts()
    assert.ok(sentences.some((s) => s.includes('已在本地就业或创业：满足（人员状态 返乡就业）')), sentences.join('\n'))
    assert.ok(sentences.some((s) => s.includes('在政策适用地区内：满足（适用地区 4210；所在地 421022101001）')), sentences.join('\n'))
    // Training is undecided: no class is on record.
    const training = page.locator('[data-test=evaluation-training_subsidy]')
    assert.equal(await training.locator('[data-test=evaluation-verdict]').innerText(), '待核实')
    assert.match(await training.innerText(), /已参加创业培训并结业：无法判断（缺少数据）/)
    await shot(page, 'policies-evaluation')

    await page.locator('[data-test=apply-return_transport_subsidy]').click()
    const dialog = page.locator('[data-test=apply-dialog]')
    const amount = dialog.locator('.el-input-number input')
    await amount.fill('320')
    await amount.blur()
    await dialog.locator('[data-test=apply-submit]').click()
    const drawer = page.locator('[data-test=application-drawer]')
    await drawer.locator('[data-test=application-status]', { hasText: '待初审' }).waitFor()
    await drawer.locator('[data-test=application-review]').click()
    await drawer.locator('[data-test=application-status]', { hasText: '待审批' }).waitFor()
    // The one who filed it cannot approve it.
    await drawer.locator('[data-test=application-approve]').click()
    await page.locator('.el-message', { hasText: '不能审批本人提交的申请' }).waitFor()
    assert.deepEqual(page.errors, [])
  } finally {
    await context.close()
  }
})

test('a colleague approves the application with the trace of the decision day', async () => {
  const { context, page } = await signedInPage(browser, server.url, ACCOUNTS.colleague.username)
  try {
    await page.goto(`${server.url}/#/applications?tab=reviewed`)
    const row = page.locator('[data-test=applications-table] .el-table__body tr', { hasText: PERSON.name })
    await row.click()
    const drawer = page.locator('[data-test=application-drawer]')
    await drawer.locator('[data-test=application-approve]').waitFor()
    // The amount asked (320元) is proposed; the cap is 500元.
    assert.equal(await drawer.locator('[data-test=application-amount] input').inputValue(), '320.00')
    await drawer.locator('[data-test=application-approve]').click()
    await drawer.locator('[data-test=application-status]', { hasText: '已批准待发放' }).waitFor()
    const trace = drawer.locator('[data-test=application-decision-trace]')
    assert.match(await trace.innerText(), /本年度未享受过本政策：满足/)
    assert.match(await drawer.innerText(), /还剩 \d+ 个工作日/)
    await shot(page, 'policies-approved')
    const list = await call('GET', `/applications?person_id=${PERSON.id}`)
    assert.equal(list.body.items[0].status, 'approved')
    assert.equal(list.body.items[0].amount_approved_fen, 32000)
    assert.equal(list.body.items[0].decided_by_name, ACCOUNTS.colleague.displayName)
    assert.deepEqual(page.errors, [])
  } finally {
    await context.close()
  }
})

test('a leader reads the catalogue, a policy and its dated parameters, and edits nothing', async () => {
  const { context, page } = await signedInPage(browser, server.url, ACCOUNTS.leader.username)
  try {
    await page.goto(`${server.url}/#/policies`)
    await page.locator('[data-test=policies-table] .el-table__body tr', { hasText: '一次性创业补贴' }).click()
    const drawer = page.locator('[data-test=policy-drawer]')
    const params = drawer.locator('[data-test=policy-parameters]')
    await params.waitFor()
    assert.match(await params.innerText(), /421202[\s\S]*5000 元/)
    assert.match(await params.innerText(), /略（未公布）/)
    assert.match(await drawer.locator('[data-test=policy-conditions]').innerText(), /months_between\(venture\.registered_on, today\) >= @min_operating_months/)
    assert.equal(await page.locator('[data-test=policy-edit]').count(), 0)
    assert.equal(await page.locator('[data-test=policies-create]').count(), 0)
    assert.deepEqual(page.errors, [])
  } finally {
    await context.close()
  }
})
