// Browser tests of the duplicate review queue 疑似重复 (merge, undo, dismiss) and of the merge
// records in 一人一档, against the real server, as a clerk (业务经办) of 荆州市 (see harness.mjs).
// Run: cd tests/browser && npm install && node --test duplicates.test.mjs   (web/dist built first)
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, shot, login, menuText, idNumber, signedInPage, openMenu, ACCOUNTS, PASSWORD } from './harness.mjs'

let server
let browser

// Two pairs of records of one person each (same name and phone), one record with a valid ID
// number and one without, registered through the API; ids filled in by before().
const ZHOU = {
  withId: { name: '周建明', id_number: idNumber('421022', '19860412', '031'), phone: '13971230001', region_code: '421022' },
  withoutId: { name: '周建明', phone: '13971230001', region_code: '421022', address: '公安县埠河镇天心眼村三组' }
}
const CHEN = {
  withId: { name: '陈秀英', id_number: idNumber('421081', '19750918', '022'), phone: '13872340002', region_code: '421081' },
  withoutId: { name: '陈秀英', phone: '13872340002', region_code: '421081' }
}
const NOTE = '经电话核实为同名的两人，共用家中电话'
// A record with a valid ID number, and an import of the same person whose number has a wrong
// check character: imported unverified (id_number_raw, 待核实), and paired with the first.
const LIU = { name: '刘桂兰', id_number: idNumber('421083', '19680305', '042'), phone: '13545670003', region_code: '421083' }
const LIU_MISTYPED = LIU.id_number.slice(0, 17) + (LIU.id_number[17] === '0' ? '1' : '0')
const LIU_CSV = ['姓名,身份证号,联系电话,户籍地', `${LIU.name},${LIU_MISTYPED},${LIU.phone},${LIU.region_code}`].join('\r\n')

const masked = (id) => id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4)

// Calls the API from the test itself with a bearer token: {status, body}.
async function call(token, method, path, body) {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : null }
}

// Imports `csv` for real (POST /imports) and waits until the job has finished.
async function importCsv(token, name, csv) {
  const res = await fetch(`${server.url}/api/v1/imports?kind=people&source=survey&dry_run=false&filename=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream', Authorization: `Bearer ${token}` },
    body: Buffer.from('\ufeff' + csv, 'utf8')
  })
  const text = await res.text()
  assert.equal(res.status, 202, text)
  const { id } = JSON.parse(text)
  for (let i = 0; i < 150; i++) {
    const job = await call(token, 'GET', `/imports/${id}`)
    if (job.body.status === 'done' || job.body.status === 'failed') return job.body
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`import ${id} did not finish`)
}

before(async () => {
  server = await startServer({ logName: 'server-duplicates.log' })
  browser = await launchBrowser()
  const signin = await call(null, 'POST', '/auth/login', { username: ACCOUNTS.clerk.username, password: PASSWORD })
  assert.equal(signin.status, 200, JSON.stringify(signin.body))
  for (const pair of [ZHOU, CHEN]) {
    for (const person of [pair.withId, pair.withoutId]) {
      const res = await call(signin.body.token, 'POST', '/people', person)
      assert.equal(res.status, 201, JSON.stringify(res.body))
      person.pid = res.body.id
    }
  }
  const liu = await call(signin.body.token, 'POST', '/people', LIU)
  assert.equal(liu.status, 201, JSON.stringify(liu.body))
  LIU.pid = liu.body.id
  const job = await importCsv(signin.body.token, '洪湖市摸排表.csv', LIU_CSV)
  assert.equal(job.status, 'done', JSON.stringify(job))
  assert.equal(job.new, 1, JSON.stringify(job))
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

const clerkPage = () => signedInPage(browser, server.url, ACCOUNTS.clerk.username)

// Waits until the queue has finished loading.
async function queueSettled(page) {
  await page.locator('[data-test=dup-list] > .el-loading-mask').waitFor({ state: 'hidden' }).catch(() => {})
}

async function showStatus(page, label) {
  await page.locator('[data-test=dup-status] .el-radio-button', { hasText: label }).click()
  await queueSettled(page)
}

// The card of the pair whose people are named `name`.
function pairCard(page, name) {
  return page.locator('[data-test=dup-pair]', { has: page.locator('[data-test=dup-person-0]', { hasText: name }) })
}

// Which side (0 left, 1 right) shows the person with id `pid`.
async function sideOf(card, pid) {
  for (const side of [0, 1]) {
    const href = await card.locator(`[data-test=dup-person-${side}]`).getAttribute('href')
    if (href.endsWith(`/people/${pid}`)) return side
  }
  throw new Error(`person ${pid} is not in the pair`)
}

// The text of a comparison cell of `card`: row `field`, side 0 or 1.
async function cell(card, field, side) {
  return (await card.locator(`tr[data-field=${field}] td.side-${side}`).innerText()).trim()
}

async function confirmBox(page, button) {
  const box = page.locator('.el-message-box')
  await box.waitFor()
  const text = await box.innerText()
  await box.getByRole('button', { name: button }).click()
  await box.waitFor({ state: 'hidden' })
  return text
}

async function message(page, pattern) {
  const m = page.locator('.el-message', { hasText: pattern }).last()
  await m.waitFor()
  return (await m.innerText()).trim()
}

async function ledgerCount(page, q) {
  await openMenu(page, '人员台账', /#\/people/)
  await page.locator('[data-test=people-search]').fill(q)
  // The count shown before the search's answer is the unfiltered list's: wait for the answer to
  // the search, then for the page to show its total.
  const answer = page.waitForResponse((r) => r.url().includes('/api/v1/people?') && r.url().includes('q='))
  await page.locator('[data-test=people-search]').press('Enter')
  const total = (await (await answer).json()).total
  await page.waitForFunction(
    (n) => new RegExp(`共\\s*${n}\\s*人`).test(document.querySelector('[data-test=people-total]')?.textContent || ''),
    total
  )
  const text = await page.locator('[data-test=people-total]').innerText()
  return Number(/共\s*(\d+)\s*人/.exec(text)[1])
}

test('a clerk merges a pair keeping the record with the ID number, sees it in 一人一档 and undoes it', { timeout: 150_000 }, async () => {
  const { context, page } = await clerkPage()
  try {
    assert.match(await menuText(page), /疑似重复/)
    await openMenu(page, '疑似重复', /#\/people\/duplicates/)
    const card = pairCard(page, ZHOU.withId.name)
    await card.waitFor()
    await queueSettled(page)
    assert.equal(await page.locator('[data-test=dup-pair]').count(), 3)
    assert.match(await page.locator('[data-test=dup-total]').innerText(), /共\s*3\s*对/)

    // Score and reasons as the server gives them; the two records side by side.
    const listed = await page.evaluate(async () => (await (await fetch('/api/v1/people/duplicates')).json()).items)
    const zhou = listed.find((d) => d.people[0].name === ZHOU.withId.name)
    assert.ok(zhou, 'the pair of 周建明 is in the queue')
    assert.equal((await card.locator('[data-test=dup-score]').innerText()).trim(), `${zhou.score} 分`)
    const reasons = await card.locator('[data-test=dup-reasons]').innerText()
    assert.match(reasons, /手机号相同/)
    assert.match(reasons, /姓名相同/)
    const keep = await sideOf(card, ZHOU.withId.pid)
    const other = 1 - keep
    assert.equal(await cell(card, 'id_number', keep), masked(ZHOU.withId.id_number))
    assert.equal(await cell(card, 'id_number', other), '—')
    assert.equal(await cell(card, 'phone', keep), await cell(card, 'phone', other))
    assert.equal(await cell(card, 'address', other), ZHOU.withoutId.address)
    assert.equal(await cell(card, 'birth_date', keep), '1986-04-12')
    assert.equal(await cell(card, 'region', keep), '荆州市 / 公安县') // the path, as the queue gives it
    assert.equal(await cell(card, 'source', keep), '手工录入')
    // Values only one record has are marked (the merge fills them in); equal ones are not.
    assert.match(await card.locator(`tr[data-field=address] td.side-${keep}`).getAttribute('class'), /\bfill\b/)
    assert.match(await card.locator(`tr[data-field=id_number] td.side-${other}`).getAttribute('class'), /\bfill\b/)
    assert.doesNotMatch(await card.locator(`tr[data-field=phone] td.side-${keep}`).getAttribute('class'), /\b(fill|diff)\b/)
    await shot(page, 'd01-queue-open')

    // Merge keeping the record with the ID number: the dialog says what happens.
    await card.locator(keep === 0 ? '[data-test=dup-keep-left]' : '[data-test=dup-keep-right]').click()
    const question = await confirmBox(page, '确定合并')
    assert.match(question, new RegExp(`编号 ${ZHOU.withId.pid}`))
    assert.match(question, /补全/)
    assert.match(question, /撤销/)
    assert.match(await message(page, /已合并/), new RegExp(`已合并，保留档案编号 ${ZHOU.withId.pid}；补全 1 项，冲突 0 项`))
    await card.waitFor({ state: 'detached' })
    await queueSettled(page)
    assert.equal(await page.locator('[data-test=dup-pair]').count(), 2)
    await shot(page, 'd02-queue-after-merge')

    // 已合并 lists the pair, who merged it, and which record was kept.
    await showStatus(page, '已合并')
    await page.waitForURL(/status=merged/)
    const merged = pairCard(page, ZHOU.withId.name)
    await merged.waitFor()
    const mergedHead = await merged.locator('[data-test=dup-decided]').innerText()
    assert.match(mergedHead, /已合并/)
    assert.match(mergedHead, new RegExp(ACCOUNTS.clerk.displayName))
    const head = await merged.locator('thead').innerText()
    assert.match(head, /保留/)
    assert.match(head, new RegExp(`已并入编号 ${ZHOU.withId.pid}`))
    assert.equal(await merged.locator('[data-test=dup-undo]').count(), 1)
    await shot(page, 'd03-queue-merged')

    // The ledger finds one 周建明, who now has the address of the other record.
    assert.equal(await ledgerCount(page, ZHOU.withId.name), 1)
    await page.locator('[data-test=people-table] .el-table__row').first().getByRole('link', { name: ZHOU.withId.name }).click()
    await page.waitForURL(new RegExp(`#/people/${ZHOU.withId.pid}$`))
    const record = page.locator('[data-test=person-merges]')
    await record.waitFor()
    const row = await record.locator('.el-table__body .el-table__row').first().innerText()
    assert.match(row, new RegExp(`编号 ${ZHOU.withoutId.pid}`))
    assert.match(row, new RegExp(ACCOUNTS.clerk.displayName))
    assert.match(row, /详细地址/)
    assert.match(row, /已合并/)
    assert.equal((await page.locator('[data-test=value-address]').innerText()).trim(), ZHOU.withoutId.address)
    await record.scrollIntoViewIfNeeded()
    await shot(page, 'd04-file-merge-record')

    // The merged record's file says where it went, and links there.
    await page.goto(`${server.url}/#/people/${ZHOU.withoutId.pid}`)
    const notice = page.locator('[data-test=merged-notice]')
    await notice.waitFor()
    assert.match(await notice.innerText(), new RegExp(`该档案已合并到 编号 ${ZHOU.withId.pid}`))
    assert.equal(await page.locator('[data-test=person-edit]').count(), 0)
    await shot(page, 'd05-file-merged-away')
    await page.locator('[data-test=merged-link]').click()
    await page.waitForURL(new RegExp(`#/people/${ZHOU.withId.pid}$`))

    // Undo from the survivor's file.
    await record.locator('[data-test=merge-undo]').click()
    assert.match(await confirmBox(page, '撤销合并'), new RegExp(`编号 ${ZHOU.withoutId.pid}`))
    assert.match(await message(page, /已撤销合并/), new RegExp(`编号 ${ZHOU.withoutId.pid} 的档案已恢复`))
    await record.locator('.el-table__row', { hasText: '已撤销' }).waitFor()
    assert.equal(await record.locator('[data-test=merge-undo]').count(), 0)
    await page.waitForFunction(() => (document.querySelector('[data-test=value-address]')?.textContent || '').trim() === '—')
    await record.scrollIntoViewIfNeeded()
    await shot(page, 'd06-file-merge-undone')

    // The pair is open again, and the ledger has both records.
    await openMenu(page, '疑似重复', /#\/people\/duplicates/)
    await pairCard(page, ZHOU.withId.name).waitFor()
    await queueSettled(page)
    assert.equal(await page.locator('[data-test=dup-pair]').count(), 3)
    assert.equal(await ledgerCount(page, ZHOU.withId.name), 2)
    assert.deepEqual(page.errors, [])
  } finally {
    await context.close()
  }
})

test('a clerk dismisses a pair with a note; a new search does not propose it again', { timeout: 120_000 }, async () => {
  const { context, page } = await clerkPage()
  try {
    await openMenu(page, '疑似重复', /#\/people\/duplicates/)
    const card = pairCard(page, CHEN.withId.name)
    await card.waitFor()
    await queueSettled(page)

    await card.locator('[data-test=dup-dismiss]').click()
    const box = page.locator('.el-message-box')
    await box.waitFor()
    assert.match(await box.innerText(), /不是同一人/)
    await box.locator('textarea').fill(NOTE)
    await shot(page, 'd07-dismiss-dialog')
    await box.getByRole('button', { name: '确认排除' }).click()
    await box.waitFor({ state: 'hidden' })
    await message(page, /已排除/)
    await card.waitFor({ state: 'detached' })
    await queueSettled(page)
    await pairCard(page, ZHOU.withId.name).waitFor()
    assert.equal(await page.locator('[data-test=dup-pair]').count(), 2)

    await showStatus(page, '已排除')
    const dismissed = pairCard(page, CHEN.withId.name)
    await dismissed.waitFor()
    const head = await dismissed.locator('[data-test=dup-decided]').innerText()
    assert.match(head, /已排除/)
    assert.match(head, new RegExp(ACCOUNTS.clerk.displayName))
    assert.ok(head.includes(NOTE), `the note in "${head}"`)
    assert.equal(await dismissed.locator('[data-test=dup-keep-left], [data-test=dup-undo]').count(), 0)
    await shot(page, 'd08-queue-dismissed')

    // 重新查找 finds all three pairs but adds none: the dismissed one stays dismissed.
    await showStatus(page, '待处理')
    await page.locator('[data-test=dup-scan]').click()
    assert.match(await message(page, /查找完成/), /新增 0 对/)
    await queueSettled(page)
    await pairCard(page, ZHOU.withId.name).waitFor()
    assert.equal(await pairCard(page, CHEN.withId.name).count(), 0)
    assert.equal(await page.locator('[data-test=dup-pair]').count(), 2)
    await shot(page, 'd09-queue-after-scan')
    assert.deepEqual(page.errors, [])
  } finally {
    await context.close()
  }
})

test('an unverified ID number shows as 待核实 in the queue and as 待核实号码 in 一人一档', { timeout: 90_000 }, async () => {
  const { context, page } = await clerkPage()
  try {
    await openMenu(page, '疑似重复', /#\/people\/duplicates/)
    const card = pairCard(page, LIU.name)
    await card.waitFor()
    await queueSettled(page)
    // The strongest pair comes first.
    assert.match(await page.locator('[data-test=dup-pair]').first().innerText(), new RegExp(LIU.name))
    assert.equal((await card.locator('[data-test=dup-score]').innerText()).trim(), '100 分')
    assert.match(await card.locator('[data-test=dup-reasons]').innerText(), /身份证号仅差一位或两位颠倒/)
    const valid = await sideOf(card, LIU.pid)
    const imported = 1 - valid
    assert.equal(await cell(card, 'id_number', valid), masked(LIU.id_number))
    assert.equal(await cell(card, 'id_number', imported), `待核实：${masked(LIU_MISTYPED)}`)
    assert.match(await card.locator(`tr[data-field=id_number] td.side-${imported}`).getAttribute('class'), /\bdiff\b/)
    assert.equal(await cell(card, 'source', imported), '入户调查')
    await shot(page, 'd10-queue-unverified')

    await card.locator(`[data-test=dup-person-${imported}]`).click()
    await page.waitForURL(/#\/people\/\d+$/)
    const raw = page.locator('[data-test=value-id_number_raw]')
    await raw.waitFor()
    assert.equal((await raw.innerText()).trim(), masked(LIU_MISTYPED))
    assert.equal((await page.locator('[data-test=value-id_number]').innerText()).trim(), '—')
    assert.equal(await page.locator('[data-test=merged-notice]').count(), 0)
    assert.equal(await page.locator('[data-test=person-merges]').count(), 0)
    await shot(page, 'd11-file-unverified')
    assert.deepEqual(page.errors, [])
  } finally {
    await context.close()
  }
})

test('a leader (person:read, no person:merge) reads the queue but is offered no action', { timeout: 90_000 }, async () => {
  const { context, page } = await signedInPage(browser, server.url, ACCOUNTS.leader.username)
  try {
    await openMenu(page, '疑似重复', /#\/people\/duplicates/)
    const card = pairCard(page, LIU.name)
    await card.waitFor()
    await queueSettled(page)
    // The comparison is there, masked as for anyone without person:unmask …
    const valid = await sideOf(card, LIU.pid)
    assert.equal(await cell(card, 'id_number', valid), masked(LIU.id_number))
    // … but no merge, dismiss, scan or undo, on open pairs or decided ones.
    const actions = '[data-test=dup-keep-left], [data-test=dup-keep-right], [data-test=dup-dismiss], [data-test=dup-scan], [data-test=dup-undo]'
    assert.equal(await page.locator(actions).count(), 0)
    await shot(page, 'd12-queue-read-only')
    await showStatus(page, '已排除')
    await pairCard(page, CHEN.withId.name).waitFor()
    assert.equal(await page.locator(actions).count(), 0)
    assert.deepEqual(page.errors, [])
  } finally {
    await context.close()
  }
})
