// Browser tests of the merchant library's network (商会, 联络站点, 招商大使) and of the rows for records
// registered at a region itself (…（本级）) in 分类统计, 动态更新 and 楚商名录, against the real server,
// as a clerk (业务经办) of 荆州市, a leader (see harness.mjs) and a clerk of 公安县 made here.
// Run: cd tests/browser && npm install && node --test merchant_network.test.mjs   (web/dist built first)
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, shot, menuText, apiFetch, pickOption, pickRegion, signedInPage, openMenu, ACCOUNTS, PASSWORD } from './harness.mjs'

let server
let browser
let token // the clerk's API token, for the setup
let today

// Registered through the API before the tests: one at the county 公安县 itself (the one linked to a
// station and appointed), one at the city 荆州市 itself, one in a township of 公安县.
const LINKED = { name: '吴建华', enterprise_name: '深圳楚天智能装备有限公司', hometown_code: '421022', location_city: '深圳市' }
const CITY_LEVEL = { name: '郑雅琴', enterprise_name: '荆州江汉食品有限公司', hometown_code: '421000' }
const TOWNSHIP = { name: '邓海波', hometown_code: '421022100' } // 公安县埠河镇
const CHAMBER = { name: '深圳市荆州商会', city: '深圳市', phone: '13907161234', badPhone: '1390716' }
const STATION = { name: '荆州市驻深圳楚商联络站', city: '深圳市' }
const TERM_END = '2029-12-31'
// A clerk of 公安县: the records of 荆州市 itself are outside its scope.
const COUNTY_CLERK = { username: 'clerk_gongan', role: 'clerk', region: '421022', department: '公安县人社局', displayName: '钱经办' }

async function call(method, path, body) {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) : null }
}

before(async () => {
  server = await startServer({ logName: 'server-merchant-network.log', extraAccounts: [COUNTY_CLERK] })
  browser = await launchBrowser()
  const signin = await call('POST', '/auth/login', { username: ACCOUNTS.clerk.username, password: PASSWORD })
  assert.equal(signin.status, 200, JSON.stringify(signin.body))
  token = signin.body.token
  for (const m of [LINKED, CITY_LEVEL, TOWNSHIP]) {
    const res = await call('POST', '/merchants', m)
    assert.equal(res.status, 201, JSON.stringify(res.body))
    m.mid = res.body.id
    today = res.body.verified_on
  }
  assert.match(today, /^\d{4}-\d{2}-\d{2}$/)
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

const clerkPage = () => signedInPage(browser, server.url, ACCOUNTS.clerk.username)

async function settled(page, table) {
  await page.locator(`[data-test=${table}] .el-loading-mask`).waitFor({ state: 'hidden' }).catch(() => {})
}

function tableRows(page, table) {
  return page.locator(`[data-test=${table}] .el-table__body .el-table__row`)
}

// The row of a table whose first cell reads `label` exactly.
function rowOf(page, table, label) {
  return tableRows(page, table).filter({ has: page.locator('td').first().getByText(label, { exact: true }) })
}

async function cells(row) {
  return (await row.locator('td').allInnerTexts()).map((t) => t.trim())
}

async function message(page, pattern) {
  const m = page.locator('.el-message', { hasText: pattern }).last()
  await m.waitFor()
  return (await m.innerText()).trim()
}

// Types into a remote (search) select and clicks the option that appears.
async function searchAndPick(page, select, text, optionText = text) {
  await select.locator('.el-select__wrapper').first().click()
  await select.locator('input').first().fill(text)
  await page.locator('.el-select-dropdown__item:visible', { hasText: optionText }).first().click()
}

// Opens a side-menu entry whose text is exactly `title` (商会 is also part of other words).
async function openExact(page, title, urlPattern) {
  await page.locator('.el-menu-item').filter({ hasText: new RegExp(`^\\s*${title}\\s*$`) }).click()
  await page.waitForURL(urlPattern)
}

test('a clerk adds a chamber through the dialog: 类型 is asked for, a bad phone is refused under its field', { timeout: 120_000 }, async () => {
  const { context, page } = await clerkPage()
  try {
    const menu = await menuText(page)
    for (const item of ['商会', '联络站点', '招商大使']) assert.match(menu, new RegExp(item))
    await openExact(page, '商会', /#\/merchants\/chambers/)
    await settled(page, 'chambers-table')
    assert.match(await page.locator('[data-test=chambers-total]').innerText(), /共 0 个商会/)

    await page.locator('[data-test=chambers-create]').click()
    const dialog = page.locator('.el-dialog', { hasText: '新增商会' })
    await dialog.waitFor()
    // The account's own region is the default 联系地区.
    assert.match(await dialog.locator('[data-test=chamber-region]').innerText(), /荆州市/)
    await dialog.locator('input[name=name]').fill(CHAMBER.name)
    await dialog.locator('input[name=city]').fill(CHAMBER.city)
    await dialog.locator('input[name=contact_name]').fill('胡会长')
    await dialog.locator('input[name=contact_phone]').fill(CHAMBER.badPhone)
    const posts = []
    page.on('request', (r) => r.method() === 'POST' && r.url().endsWith('/api/v1/chambers') && posts.push(r))
    await dialog.locator('[data-test=chamber-save]').click()
    const kindError = dialog.locator('[data-test=chamber-kind] .el-form-item__error')
    await kindError.waitFor()
    assert.equal((await kindError.innerText()).trim(), '请选择商会类型')
    assert.equal(posts.length, 0) // nothing sent while the form lacks a required field
    await shot(page, 'n01-chamber-without-kind')

    // With the kind, the server answers for the phone, under 联系电话.
    await pickOption(page, dialog.locator('[data-test=chamber-kind]'), '异地湖北商会')
    await dialog.locator('[data-test=chamber-save]').click()
    const phoneError = dialog.locator('[data-test=chamber-contact-phone] .el-form-item__error')
    await phoneError.waitFor()
    assert.match(await phoneError.innerText(), /联系电话：手机号应为11位，当前为7位/)
    assert.equal(posts.length, 1)
    await kindError.waitFor({ state: 'detached' }) // 类型 is fine now
    await shot(page, 'n02-chamber-bad-phone')

    await dialog.locator('input[name=contact_phone]').fill(CHAMBER.phone)
    await dialog.locator('[data-test=chamber-save]').click()
    await dialog.waitFor({ state: 'hidden' })
    assert.match(await message(page, /已新增商会/), new RegExp(`已新增商会 ${CHAMBER.name}`))
    const row = rowOf(page, 'chambers-table', CHAMBER.name)
    await row.waitFor()
    // 商会名称, 类型, 所在地, 联系地区, 联系人, 联系电话 (the clerk may read full numbers), 成立日期
    assert.deepEqual((await cells(row)).slice(0, 7), [CHAMBER.name, '异地湖北商会', CHAMBER.city, '荆州市', '胡会长', CHAMBER.phone, '—'])
    const saved = (await apiFetch(page, '/chambers')).body.items
    assert.equal(saved.length, 1)
    assert.equal(saved[0].kind, 'hometown_chamber')
    assert.equal(saved[0].region_code, '421000')
    CHAMBER.id = saved[0].id

    // The kind filter: no 校友会; back to all.
    await pickOption(page, page.locator('[data-test=chambers-kind]'), '校友会')
    await page.waitForURL(/kind=alumni/)
    await page.locator('[data-test=chambers-total]', { hasText: '共 0 个商会' }).waitFor()
    await page.locator('[data-test=chambers-kind] .el-select__wrapper').hover()
    await page.locator('[data-test=chambers-kind] .el-select__clear').click()
    await page.locator('[data-test=chambers-total]', { hasText: '共 1 个商会' }).waitFor()
    await shot(page, 'n03-chambers')
    assert.deepEqual(page.errors, [])
  } finally {
    await context.close()
  }
})

test('a clerk adds a liaison station hosted by the chamber, links a merchant and unlinks it', { timeout: 150_000 }, async () => {
  const { context, page } = await clerkPage()
  try {
    // From the chamber's 依托站点: the stations filtered on it (none yet).
    await openExact(page, '商会', /#\/merchants\/chambers/)
    await rowOf(page, 'chambers-table', CHAMBER.name).locator('[data-test=chamber-stations]').click()
    await page.waitForURL(new RegExp(`#/merchants/stations\\?host_chamber_id=${CHAMBER.id}`))
    await page.locator('[data-test=filter-host-chamber]', { hasText: `依托商会：${CHAMBER.name}` }).waitFor()
    await page.locator('[data-test=stations-total]', { hasText: '共 0 个站点' }).waitFor()
    await page.locator('[data-test=filter-host-chamber] .el-tag__close').click()
    await page.waitForURL((u) => !/host_chamber_id/.test(u.hash))

    // The 楚商联络站 tab: a new station starts as one.
    await page.locator('[data-test=stations-tabs] .el-tabs__item', { hasText: '楚商联络站' }).click()
    await page.waitForURL(/kind=liaison/)
    await page.locator('[data-test=stations-create]').click()
    const dialog = page.locator('.el-dialog', { hasText: '新增站点' })
    await dialog.waitFor()
    assert.equal((await dialog.locator('[data-test=station-kind] .el-radio-button.is-active').innerText()).trim(), '楚商联络站')
    await dialog.locator('input[name=name]').fill(STATION.name)
    await dialog.locator('input[name=city]').fill(STATION.city)
    await pickOption(page, dialog.locator('[data-test=station-host]'), CHAMBER.name)
    await shot(page, 'n04-station-dialog')
    const posted = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/v1/stations'))
    await dialog.locator('[data-test=station-save]').click()
    assert.deepEqual((await posted).postDataJSON(), {
      kind: 'liaison',
      name: STATION.name,
      city: STATION.city,
      region_code: '421000',
      host_chamber_id: CHAMBER.id
    })
    await dialog.waitFor({ state: 'hidden' })
    assert.match(await message(page, /已新增/), new RegExp(`已新增楚商联络站 ${STATION.name}`))
    const row = rowOf(page, 'stations-table', STATION.name)
    await row.waitFor()
    // 站点名称, 类型, 所在地, 设立地区, 依托商会, 联系人, 联系电话, 关联楚商
    assert.deepEqual((await cells(row)).slice(0, 8), [STATION.name, '楚商联络站', STATION.city, '荆州市', CHAMBER.name, '—', '—', '0'])
    // Not an outstation.
    await page.locator('[data-test=stations-tabs] .el-tabs__item', { hasText: '驻外推介服务站' }).click()
    await page.waitForURL(/kind=outstation/)
    await page.locator('[data-test=stations-total]', { hasText: '共 0 个站点' }).waitFor()
    await page.locator('[data-test=stations-tabs] .el-tabs__item', { hasText: '全部站点' }).click()
    await page.waitForURL((u) => !/kind=/.test(u.hash))

    // The drawer: no merchants; 关联楚商 finds one by name.
    await rowOf(page, 'stations-table', STATION.name).locator('td').first().click()
    const drawer = page.locator('[data-test=station-drawer]')
    await drawer.locator('[data-test=station-merchants-title]', { hasText: '关联楚商（0）' }).waitFor()
    await page.waitForURL(/station=\d+/)
    const sid = Number(/station=(\d+)/.exec(page.url())[1])
    await searchAndPick(page, drawer.locator('[data-test=station-link]'), LINKED.name, LINKED.enterprise_name)
    await drawer.locator('[data-test=station-link-submit]').click()
    assert.match(await message(page, /已关联/), new RegExp(`已关联 ${LINKED.name}`))
    await drawer.locator('[data-test=station-merchants-title]', { hasText: '关联楚商（1）' }).waitFor()
    const linked = rowOf(page, 'station-merchants', LINKED.name)
    assert.deepEqual((await cells(linked)).slice(0, 2), [LINKED.name, LINKED.enterprise_name])
    assert.equal(await linked.locator('[data-test=station-merchant-link]').getAttribute('href'), `#/merchants/${LINKED.mid}`)
    // The list's count follows; the server holds the link.
    assert.equal((await cells(rowOf(page, 'stations-table', STATION.name)))[7], '1')
    const held = (await apiFetch(page, `/stations/${sid}`)).body
    assert.deepEqual(held.merchants.map((m) => m.id), [LINKED.mid])
    // A merchant linked already is offered as such, not again.
    await drawer.locator('[data-test=station-link] .el-select__wrapper').click()
    await drawer.locator('[data-test=station-link] input').first().fill(LINKED.name)
    const again = page.locator('.el-select-dropdown__item:visible', { hasText: LINKED.enterprise_name }).first()
    await again.waitFor()
    assert.match(await again.getAttribute('class'), /is-disabled/)
    assert.match(await again.innerText(), /已关联/)
    await page.keyboard.press('Escape')
    await shot(page, 'n05-station-linked')

    // 取消关联 asks first; keeping it changes nothing, confirming removes the link.
    await linked.locator('[data-test=station-unlink]').click()
    const box = page.locator('.el-message-box')
    await box.waitFor()
    assert.match(await box.innerText(), new RegExp(`确定取消“${LINKED.name}”与“${STATION.name}”的关联`))
    await box.getByRole('button', { name: '保留' }).click()
    await box.waitFor({ state: 'hidden' })
    assert.equal((await apiFetch(page, `/stations/${sid}`)).body.merchant_count, 1)
    await linked.locator('[data-test=station-unlink]').click()
    await box.waitFor()
    await box.getByRole('button', { name: '取消关联' }).click()
    assert.match(await message(page, /已取消/), new RegExp(`已取消 ${LINKED.name} 的关联`))
    await drawer.locator('[data-test=station-merchants-title]', { hasText: '关联楚商（0）' }).waitFor()
    assert.equal(await tableRows(page, 'station-merchants').count(), 0)
    assert.equal((await cells(rowOf(page, 'stations-table', STATION.name)))[7], '0')
    assert.deepEqual((await apiFetch(page, `/stations/${sid}`)).body.merchants, [])
    await shot(page, 'n06-station-unlinked')

    // Linked again, the name opens the merchant's file.
    await searchAndPick(page, drawer.locator('[data-test=station-link]'), LINKED.name, LINKED.enterprise_name)
    await drawer.locator('[data-test=station-link-submit]').click()
    await drawer.locator('[data-test=station-merchants-title]', { hasText: '关联楚商（1）' }).waitFor()
    // Every merchant linked is in the clerk's scope: nothing is said about others.
    assert.equal(await drawer.locator('[data-test=station-hidden-merchants]').count(), 0)
    await rowOf(page, 'station-merchants', LINKED.name).locator('[data-test=station-merchant-link]').click()
    await page.waitForURL(new RegExp(`#/merchants/${LINKED.mid}$`))
    await page.locator('[data-test=merchant-name]', { hasText: LINKED.name }).waitFor()

    // The file lists the station (GET /stations?merchant_id=), where it is and the chamber hosting it.
    const stations = page.locator('[data-test=merchant-stations]')
    await stations.locator('[data-test=merchant-stations-title]', { hasText: '联络站点（1）' }).waitFor()
    const item = stations.locator('[data-test=station-item]')
    assert.equal(await item.count(), 1)
    const itemText = await item.innerText()
    assert.match(itemText, new RegExp(`${STATION.name}\\s*楚商联络站`))
    assert.match(itemText, new RegExp(`${STATION.city} · 依托${CHAMBER.name}`))
    // Its trail holds the links, newest first, under their Chinese names.
    await page.locator('.el-tabs__item', { hasText: '操作记录' }).click()
    await page.locator('[data-test=merchant-audit-table]').getByText('取消关联站点').waitFor()
    const trail = await tableRows(page, 'merchant-audit-table').evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('td')].slice(2, 4).map((td) => td.textContent.trim()).join(' '))
    )
    assert.deepEqual(trail, ['档案 关联站点', '档案 取消关联站点', '档案 关联站点', '档案 新增'])
    await shot(page, 'n06b-file-stations')
    // The station's name opens its drawer on 联络站点.
    const stationLink = item.locator('[data-test=merchant-station-link]')
    assert.equal(await stationLink.getAttribute('href'), `#/merchants/stations?station=${sid}`)
    await stationLink.click()
    await page.waitForURL(new RegExp(`#/merchants/stations\\?station=${sid}$`))
    await drawer.locator('.el-drawer__title', { hasText: STATION.name }).waitFor()
    await rowOf(page, 'station-merchants', LINKED.name).waitFor()
    assert.deepEqual(page.errors, [])
  } finally {
    await context.close()
  }
})

test('a clerk appoints the merchant as 市级招商大使, sees the tag on its file, ends the term (the tag goes) and appoints it again from the file', { timeout: 150_000 }, async () => {
  const { context, page } = await clerkPage()
  try {
    await openExact(page, '招商大使', /#\/merchants\/ambassadors/)
    await settled(page, 'ambassadors-table')
    await page.locator('[data-test=ambassadors-total]', { hasText: '共 0 条聘任记录' }).waitFor()
    await page.locator('[data-test=ambassadors-create]').click()
    const dialog = page.locator('.el-dialog', { hasText: '聘任招商大使' })
    await dialog.waitFor()
    await searchAndPick(page, dialog.locator('[data-test=ambassador-merchant]'), LINKED.enterprise_name, LINKED.name)
    const termEnd = dialog.locator('[data-test=ambassador-term-end] input')
    await termEnd.fill(TERM_END)
    await termEnd.press('Enter')
    await dialog.locator('.el-dialog__title').click()
    const posted = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/v1/ambassadors'))
    await dialog.locator('[data-test=ambassador-save]').click()
    assert.deepEqual((await posted).postDataJSON(), {
      merchant_id: LINKED.mid,
      region_code: '421000',
      appointed_on: today,
      term_end: TERM_END,
      status: 'active'
    })
    await dialog.waitFor({ state: 'hidden' })
    assert.match(await message(page, /已聘任/), new RegExp(`已聘任 ${LINKED.name} 为市级招商大使`))
    const row = rowOf(page, 'ambassadors-table', LINKED.name)
    await row.waitFor()
    // 楚商楚才, 企业名称, 级别, 聘任地区, 聘任日期, 任期截止, 状态
    assert.deepEqual((await cells(row)).slice(0, 7), [LINKED.name, LINKED.enterprise_name, '市级', '荆州市', today, TERM_END, '在任'])
    await shot(page, 'n07-ambassador-appointed')

    // The file: the 招商大使 tag (the server tags the record) and the appointment.
    await row.locator('[data-test=ambassador-merchant-link]').click()
    await page.waitForURL(new RegExp(`#/merchants/${LINKED.mid}$`))
    await page.locator('[data-test=merchant-ambassador-tag]', { hasText: '招商大使' }).waitFor()
    assert.match(await page.locator('[data-test=value-tags]').innerText(), /招商大使/)
    const appointment = page.locator('[data-test=merchant-ambassadors] [data-test=appointment-item]')
    await appointment.first().waitFor()
    assert.equal(await appointment.count(), 1)
    const text = await appointment.first().innerText()
    assert.match(text, /荆州市 市级招商大使/)
    assert.match(text, /在任/)
    assert.match(text, new RegExp(`聘任日期 ${today}，任期至 ${TERM_END}`))

    // The file's trail tells a logged contact from the record's own entries.
    const contact = await apiFetch(page, `/merchants/${LINKED.mid}/contacts`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'visit', result: '到深圳企业叩门拜访' })
    })
    assert.equal(contact.status, 201)
    assert.equal(contact.body.kind_label, '叩门拜访')
    await page.reload()
    await page.locator('.el-tabs__item', { hasText: '操作记录' }).click()
    const trail = page.locator('[data-test=merchant-audit-table]')
    await trail.getByText('记录联络').waitFor()
    const entries = await tableRows(page, 'merchant-audit-table').evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('td')].slice(2, 4).map((td) => td.textContent.trim()).join(' '))
    )
    assert.equal(entries[0], '联络记录 记录联络')
    assert.ok(entries.includes('档案 新增'), entries.join(' | '))
    await shot(page, 'n08-file-ambassador')

    // 编辑 on the list: the term has ended.
    await page.goto(`${server.url}/#/merchants/ambassadors`)
    await rowOf(page, 'ambassadors-table', LINKED.name).locator('[data-test=ambassador-edit]').click()
    const edit = page.locator('.el-dialog', { hasText: '编辑聘任' })
    await edit.waitFor()
    await edit.locator('[data-test=ambassador-status] .el-radio-button', { hasText: '已届满' }).click()
    const patched = page.waitForRequest((r) => r.method() === 'PATCH' && /\/api\/v1\/ambassadors\/\d+$/.test(r.url()))
    await edit.locator('[data-test=ambassador-save]').click()
    assert.deepEqual((await patched).postDataJSON(), { status: 'ended' })
    await edit.waitFor({ state: 'hidden' })
    await rowOf(page, 'ambassadors-table', LINKED.name).locator('[data-test=ambassador-status]', { hasText: '已届满' }).waitFor()
    // The status filter: none in office now.
    await page.locator('[data-test=ambassadors-status] .el-radio-button', { hasText: '在任' }).click()
    await page.waitForURL(/status=active/)
    await page.locator('[data-test=ambassadors-total]', { hasText: '共 0 条聘任记录' }).waitFor()
    await shot(page, 'n09-ambassador-ended')

    // Its only appointment ended, the record has lost the 招商大使 tag.
    await page.goto(`${server.url}/#/merchants/${LINKED.mid}`)
    await appointment.first().waitFor()
    assert.match(await appointment.first().innerText(), /已届满/)
    await page.locator('[data-test=value-tags]', { hasText: '—' }).waitFor()
    assert.equal(await page.locator('[data-test=merchant-ambassador-tag]').count(), 0)
    assert.deepEqual((await apiFetch(page, `/merchants/${LINKED.mid}`)).body.tags, [])
    await shot(page, 'n09b-file-tag-removed')

    // 聘任 on the file: the merchant is given; 公安县 appoints it as well.
    await page.locator('[data-test=merchant-appoint]').click()
    const fromFile = page.locator('.el-dialog', { hasText: '聘任招商大使' })
    await fromFile.waitFor()
    assert.match(await fromFile.locator('[data-test=ambassador-merchant]').innerText(), new RegExp(`${LINKED.name}（${LINKED.enterprise_name}）`))
    assert.equal(await fromFile.locator('[data-test=ambassador-merchant] .el-select__wrapper.is-disabled').count(), 1)
    await pickRegion(page, fromFile.locator('[data-test=ambassador-region]'), ['荆州市', '公安县'])
    const second = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/v1/ambassadors'))
    await fromFile.locator('[data-test=ambassador-save]').click()
    assert.deepEqual((await second).postDataJSON(), { merchant_id: LINKED.mid, region_code: '421022', appointed_on: today, status: 'active' })
    await fromFile.waitFor({ state: 'hidden' })
    await page.waitForFunction(() => document.querySelectorAll('[data-test=merchant-ambassadors] [data-test=appointment-item]').length === 2)
    assert.match(await appointment.first().innerText(), /公安县 县级招商大使\s*在任/)
    // In office again: the tag is back.
    await page.locator('[data-test=merchant-ambassador-tag]', { hasText: '招商大使' }).waitFor()
    assert.match(await page.locator('[data-test=value-tags]').innerText(), /招商大使/)

    // 编辑 on the file ends this one too: the last appointment in office, so the tag goes at once.
    await appointment.first().getByRole('button', { name: '编辑' }).click()
    const endOnFile = page.locator('.el-dialog', { hasText: '编辑聘任' })
    await endOnFile.waitFor()
    await endOnFile.locator('[data-test=ambassador-status] .el-radio-button', { hasText: '已届满' }).click()
    const ended = page.waitForRequest((r) => r.method() === 'PATCH' && /\/api\/v1\/ambassadors\/\d+$/.test(r.url()))
    await endOnFile.locator('[data-test=ambassador-save]').click()
    assert.deepEqual((await ended).postDataJSON(), { status: 'ended' })
    await endOnFile.waitFor({ state: 'hidden' })
    await page.locator('[data-test=merchant-ambassador-tag]').waitFor({ state: 'detached' })
    await page.locator('[data-test=value-tags]', { hasText: '—' }).waitFor()
    assert.match(await appointment.first().innerText(), /公安县 县级招商大使\s*已届满/)
    assert.deepEqual((await apiFetch(page, `/merchants/${LINKED.mid}`)).body.tags, [])
    assert.deepEqual(page.errors, [])
  } finally {
    await context.close()
  }
})

test('a clerk finds ambassadors by the merchant\'s name or enterprise (关键字)', { timeout: 90_000 }, async () => {
  // A second merchant in office, appointed through the API.
  const appointed = await call('POST', '/ambassadors', { merchant_id: CITY_LEVEL.mid, region_code: '421000', appointed_on: today, status: 'active' })
  assert.equal(appointed.status, 201, JSON.stringify(appointed.body))
  const { context, page } = await clerkPage()
  try {
    await openExact(page, '招商大使', /#\/merchants\/ambassadors/)
    await page.locator('[data-test=ambassadors-total]', { hasText: '共 3 条聘任记录' }).waitFor()
    const search = page.locator('[data-test=ambassadors-search]')
    const names = async () => (await tableRows(page, 'ambassadors-table').locator('[data-test=ambassador-merchant-link]').allInnerTexts()).map((t) => t.trim())

    // By the person's name: only hers.
    const byName = page.waitForResponse((r) => r.url().includes('/api/v1/ambassadors?') && r.url().includes('q='))
    await search.fill(CITY_LEVEL.name)
    await search.press('Enter')
    assert.equal(new URL((await byName).url()).searchParams.get('q'), CITY_LEVEL.name)
    await page.waitForURL(new RegExp(`q=${encodeURIComponent(CITY_LEVEL.name)}`))
    await page.locator('[data-test=ambassadors-total]', { hasText: '共 1 条聘任记录' }).waitFor()
    assert.deepEqual(await names(), [CITY_LEVEL.name])
    assert.deepEqual((await cells(rowOf(page, 'ambassadors-table', CITY_LEVEL.name))).slice(0, 3), [CITY_LEVEL.name, CITY_LEVEL.enterprise_name, '市级'])
    await shot(page, 'n09c-ambassadors-search')

    // By part of an enterprise name: his two appointments.
    await search.fill('楚天智能')
    await page.locator('[data-test=ambassadors-query]').click()
    await page.locator('[data-test=ambassadors-total]', { hasText: '共 2 条聘任记录' }).waitFor()
    assert.deepEqual(await names(), [LINKED.name, LINKED.name])
    // With the status filter: neither is in office any more.
    await page.locator('[data-test=ambassadors-status] .el-radio-button', { hasText: '在任' }).click()
    await page.waitForURL(/status=active/)
    await page.locator('[data-test=ambassadors-total]', { hasText: '共 0 条聘任记录' }).waitFor()
    await page.locator('[data-test=ambassadors-table]').getByText('没有符合条件的招商大使').waitFor()

    // The link keeps the search: the page opened from it fills the box.
    await page.reload()
    await page.locator('[data-test=ambassadors-total]', { hasText: '共 0 条聘任记录' }).waitFor()
    assert.equal(await search.inputValue(), '楚天智能')
    // Nobody by that name; 重置 lists all again.
    await page.locator('[data-test=ambassadors-status] .el-radio-button', { hasText: '全部' }).click()
    await page.locator('[data-test=ambassadors-total]', { hasText: '共 2 条聘任记录' }).waitFor()
    await search.fill('无此人')
    await search.press('Enter')
    await page.locator('[data-test=ambassadors-total]', { hasText: '共 0 条聘任记录' }).waitFor()
    await page.getByRole('button', { name: '重置' }).click()
    await page.locator('[data-test=ambassadors-total]', { hasText: '共 3 条聘任记录' }).waitFor()
    assert.equal(await search.inputValue(), '')
    assert.doesNotMatch(page.url(), /q=/)
    assert.deepEqual(page.errors, [])
  } finally {
    await context.close()
  }
})

test('records registered at a region itself: a （本级） row without a drill in 分类统计 and 动态更新 lists them alone in 楚商名录 (仅本级)', { timeout: 150_000 }, async () => {
  const { context, page } = await clerkPage()
  const total = page.locator('[data-test=merchants-total]')
  const exactTag = page.locator('[data-test=filter-region-exact]')
  const listed = async () => (await tableRows(page, 'merchants-table').locator('td:first-child').allInnerTexts()).map((t) => t.trim())
  try {
    await page.goto(`${server.url}/#/merchants/classification?by=region`)
    await settled(page, 'class-table')
    const cityRow = rowOf(page, 'class-table', '荆州市（本级）')
    await cityRow.waitFor()
    assert.equal((await cells(cityRow))[1], '1')
    assert.equal((await cells(rowOf(page, 'class-table', '公安县')))[1], '2')
    assert.equal(await cityRow.locator('[data-test=class-drill]').count(), 0)
    assert.equal(await rowOf(page, 'class-table', '公安县').locator('[data-test=class-drill]').count(), 1)
    assert.equal(await cityRow.locator('.drillable').count(), 0)
    // A click on the row goes nowhere; its list link filters on the city itself, a county's on the
    // county and the regions below it.
    await cityRow.locator('td').first().click()
    await page.waitForTimeout(300)
    assert.doesNotMatch(page.url(), /region=/)
    const cityLink = cityRow.locator('[data-test=class-list-link]')
    assert.equal(await cityLink.getAttribute('href'), '#/merchants?region=421000&region_exact=true')
    assert.equal(await cityLink.getAttribute('title'), null) // no apology for listing more
    assert.equal(await rowOf(page, 'class-table', '公安县').locator('[data-test=class-list-link]').getAttribute('href'), '#/merchants?region=421022')
    await shot(page, 'n10-class-region-self')

    // 查看名录 of the city's own row: the one record registered at 荆州市 itself, under 仅本级.
    await cityLink.click()
    await page.waitForURL(/#\/merchants\?region=421000&region_exact=true$/)
    await total.filter({ hasText: '共 1 条' }).waitFor()
    assert.deepEqual(await listed(), [CITY_LEVEL.name])
    assert.equal((await exactTag.innerText()).trim(), '仅本级：荆州市（不含下级区划）')
    // The counts mark the city's own chip as the filter applied.
    assert.match(await page.locator('[data-test=by-region-self]').getAttribute('class'), /is-checked/)
    await shot(page, 'n10b-list-region-exact')
    // The filter stays with another one added (the URL keeps it) …
    await page.locator('[data-test=merchants-search]').fill(CITY_LEVEL.enterprise_name)
    await page.locator('[data-test=merchants-query]').click()
    await page.waitForURL(/q=.*region_exact=true|region_exact=true.*q=/)
    await total.filter({ hasText: '共 1 条' }).waitFor()
    await page.reload()
    await exactTag.waitFor()
    await total.filter({ hasText: '共 1 条' }).waitFor()
    await page.locator('[data-test=merchants-search]').fill('')
    await page.locator('[data-test=merchants-search]').press('Enter')
    await page.waitForURL((u) => !/q=/.test(u.hash))
    await total.filter({ hasText: '共 1 条' }).waitFor()
    assert.equal(await exactTag.count(), 1)
    // … and is taken off with its tag: the city and the regions below it.
    await exactTag.locator('.el-tag__close').click()
    await page.waitForURL((u) => !/region_exact/.test(u.hash))
    assert.match(page.url(), /region=421000/)
    await total.filter({ hasText: '共 3 条' }).waitFor()
    assert.deepEqual((await listed()).sort(), [LINKED.name, CITY_LEVEL.name, TOWNSHIP.name].sort())
    assert.equal(await exactTag.count(), 0)

    // 公安县: its townships, and the county's own row for the record registered at it.
    await page.goto(`${server.url}/#/merchants/classification?by=region`)
    await rowOf(page, 'class-table', '公安县').locator('td').first().click()
    await page.waitForURL(/by=region&region=421022/)
    const countyRow = rowOf(page, 'class-table', '公安县（本级）')
    await countyRow.waitFor()
    assert.equal((await cells(countyRow))[1], '1')
    assert.equal((await cells(rowOf(page, 'class-table', '埠河镇')))[1], '1')
    assert.equal(await countyRow.locator('[data-test=class-drill]').count(), 0)
    assert.equal(await countyRow.locator('[data-test=class-list-link]').getAttribute('href'), '#/merchants?region=421022&region_exact=true')
    await shot(page, 'n11-class-county-self')
    await countyRow.locator('[data-test=class-list-link]').click()
    await page.waitForURL(/region=421022&region_exact=true/)
    await total.filter({ hasText: '共 1 条' }).waitFor()
    assert.deepEqual(await listed(), [LINKED.name])
    assert.equal((await exactTag.innerText()).trim(), '仅本级：公安县（不含下级区划）')
    // Another region in the select is that region with the regions below it.
    await pickRegion(page, page.locator('[data-test=merchants-region]'), ['荆州市', '公安县', '埠河镇'])
    await page.waitForURL(/region=421022100/)
    assert.doesNotMatch(page.url(), /region_exact/)
    await total.filter({ hasText: '共 1 条' }).waitFor()
    assert.deepEqual(await listed(), [TOWNSHIP.name])
    assert.equal(await exactTag.count(), 0)

    // 动态更新: the city's own row is not drilled into.
    await page.goto(`${server.url}/#/merchants/freshness`)
    const freshSelf = rowOf(page, 'fresh-table', '荆州市（本级）')
    await freshSelf.waitFor()
    assert.deepEqual((await cells(freshSelf)).slice(1, 4), ['1', '1', '0'])
    assert.equal(await freshSelf.locator('.drillable').count(), 0)
    await freshSelf.locator('td').first().click()
    await page.waitForTimeout(300)
    assert.doesNotMatch(page.url(), /region=/)

    // 楚商名录: the city's own chip in the counts lists its records alone, and clicked again, all.
    await openMenu(page, '楚商名录', /#\/merchants/)
    const self = page.locator('[data-test=by-region-self]')
    await self.waitFor()
    assert.match(await self.innerText(), /荆州市（本级）\s*1/)
    assert.equal(await page.locator('[data-test=by-region-421000]').count(), 0)
    await total.filter({ hasText: '共 3 条' }).waitFor()
    await self.click()
    await page.waitForURL(/region=421000&region_exact=true/)
    await total.filter({ hasText: '共 1 条' }).waitFor()
    assert.deepEqual(await listed(), [CITY_LEVEL.name])
    await exactTag.waitFor()
    assert.match(await self.getAttribute('class'), /is-checked/)
    await self.click()
    await page.waitForURL((u) => !/region_exact/.test(u.hash))
    await total.filter({ hasText: '共 3 条' }).waitFor()
    assert.equal(await exactTag.count(), 0)
    assert.doesNotMatch(await self.getAttribute('class'), /is-checked/)
    assert.deepEqual(page.errors, [])
  } finally {
    await context.close()
  }
})

test('a leader (merchant:read only) reads chambers, stations and ambassadors without write buttons', { timeout: 90_000 }, async () => {
  const { context, page } = await signedInPage(browser, server.url, ACCOUNTS.leader.username)
  try {
    await openExact(page, '商会', /#\/merchants\/chambers/)
    await rowOf(page, 'chambers-table', CHAMBER.name).waitFor()
    assert.equal(await page.locator('[data-test=chambers-create], [data-test=chamber-edit]').count(), 0)
    // The leader may not read full numbers.
    assert.equal((await cells(rowOf(page, 'chambers-table', CHAMBER.name)))[5], `${CHAMBER.phone.slice(0, 3)}****${CHAMBER.phone.slice(-4)}`)

    await openExact(page, '联络站点', /#\/merchants\/stations/)
    await rowOf(page, 'stations-table', STATION.name).locator('td').first().click()
    const drawer = page.locator('[data-test=station-drawer]')
    await rowOf(page, 'station-merchants', LINKED.name).waitFor()
    assert.equal(await page.locator('[data-test=stations-create], [data-test=station-edit], [data-test=station-link], [data-test=station-unlink]').count(), 0)
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'hidden' })

    await openExact(page, '招商大使', /#\/merchants\/ambassadors/)
    await rowOf(page, 'ambassadors-table', LINKED.name).first().waitFor()
    assert.equal(await rowOf(page, 'ambassadors-table', LINKED.name).count(), 2) // 市级 (ended) and 县级
    assert.equal(await page.locator('[data-test=ambassadors-create], [data-test=ambassador-edit]').count(), 0)
    await page.goto(`${server.url}/#/merchants/${LINKED.mid}`)
    await page.locator('[data-test=merchant-ambassadors] [data-test=appointment-item]').first().waitFor()
    assert.equal(await page.locator('[data-test=merchant-appoint]').count(), 0)
    await shot(page, 'n12-leader-ambassadors')
    assert.deepEqual(page.errors, [])
  } finally {
    await context.close()
  }
})

test('a clerk of 公安县 sees the station merchants in its scope, and how many others are linked', { timeout: 90_000 }, async (t) => {
  if (!server.hasExtraAccounts) return t.skip('the server named by GUIYAN_URL has no account of 公安县')
  // An outstation of 公安县, linked by the city's clerk to a merchant of 公安县 and to one of 荆州市 itself.
  const name = '公安县驻新加坡推介服务站'
  const made = await call('POST', '/stations', { kind: 'outstation', name, city: '新加坡', country: '新加坡', region_code: '421022' })
  assert.equal(made.status, 201, JSON.stringify(made.body))
  for (const m of [LINKED, CITY_LEVEL]) {
    const linked = await call('POST', `/stations/${made.body.id}/merchants`, { merchant_id: m.mid })
    assert.equal(linked.status, 200, JSON.stringify(linked.body))
  }
  const { context, page } = await signedInPage(browser, server.url, COUNTY_CLERK.username)
  try {
    await openExact(page, '联络站点', /#\/merchants\/stations/)
    // The city's station is outside the county's scope; the county's counts every merchant linked.
    await page.locator('[data-test=stations-total]', { hasText: '共 1 个站点' }).waitFor()
    const row = rowOf(page, 'stations-table', name)
    assert.equal((await cells(row))[7], '2')
    await row.locator('td').first().click()
    const drawer = page.locator('[data-test=station-drawer]')
    await drawer.locator('[data-test=station-merchants-title]', { hasText: '关联楚商（2）' }).waitFor()
    await rowOf(page, 'station-merchants', LINKED.name).waitFor()
    assert.equal(await tableRows(page, 'station-merchants').count(), 1) // not the city's own merchant
    assert.equal((await drawer.locator('[data-test=station-hidden-merchants]').innerText()).trim(), '另有 1 位不在您的数据范围内')
    await shot(page, 'n13-county-station-hidden')
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'hidden' })

    // The merchant's file lists the stations the county may read: not the city's.
    await page.goto(`${server.url}/#/merchants/${LINKED.mid}`)
    const stations = page.locator('[data-test=merchant-stations]')
    await stations.locator('[data-test=merchant-stations-title]', { hasText: '联络站点（1）' }).waitFor()
    assert.match(await stations.locator('[data-test=station-item]').innerText(), new RegExp(`${name}\\s*驻外推介服务站`))
    assert.deepEqual(page.errors, [])
  } finally {
    await context.close()
  }
})
