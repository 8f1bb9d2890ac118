// Browser tests of the web console against the real server (see harness.mjs).
// Run: cd tests/browser && npm ci && npm test   (web/dist must be built first)
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, newPage, shot, login, menuText, ACCOUNTS, PASSWORD } from './harness.mjs'

let server
let browser

before(async () => {
  server = await startServer()
  browser = await launchBrowser()
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

const NEW_USER = { username: 'zhangwei01', display_name: '张伟', password: 'Zhangwei#2026' }

test('a sysadmin sees the system menu, not the audit log, and creates a user', { timeout: 90_000 }, async () => {
  const { context, page } = await newPage(browser)
  try {
    await page.goto(`${server.url}/`)
    await page.waitForURL(/#\/login/)
    await page.locator('input[name=username]').waitFor()
    await shot(page, '01-login')

    await login(page, server.url, ACCOUNTS.sysadmin.username, PASSWORD)
    await page.locator('[data-test=welcome]').waitFor()
    await page.locator('[data-test=data-scope]').waitFor()
    await shot(page, '02-sysadmin-home')

    const menu = await menuText(page)
    assert.match(menu, /首页/)
    assert.match(menu, /行政区划/)
    assert.match(menu, /用户管理/)
    assert.match(menu, /部门管理/)
    assert.doesNotMatch(menu, /审计日志/)
    assert.doesNotMatch(menu, /角色管理/)
    const header = await page.locator('.el-header').innerText()
    assert.match(header, /归雁 · 楚商回乡 返乡创业服务平台/)
    assert.match(header, /荆州市/)
    assert.match(await page.locator('[data-test=data-scope]').innerText(), /数据范围：.+/)

    // A page the account may not use shows 无权限 when reached by its address.
    await page.goto(`${server.url}/#/audit`)
    await page.getByText('无权限', { exact: true }).waitFor()
    await shot(page, '03-sysadmin-audit-forbidden')

    await page.locator('.el-menu-item', { hasText: '用户管理' }).click()
    await page.waitForURL(/#\/system\/users/)
    await page.locator('[data-test=user-table] .el-table__row').first().waitFor()

    await page.locator('[data-test=user-create]').click()
    const dialog = page.locator('.el-dialog', { hasText: '新增用户' })
    await dialog.waitFor()
    await dialog.locator('input[name=username]').fill(NEW_USER.username)
    await dialog.locator('input[name=display_name]').fill(NEW_USER.display_name)
    await dialog.locator('input[name=password]').fill(NEW_USER.password)
    await dialog.locator('[data-test=department-select]').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '荆州市人社局' }).first().click()
    await assert.doesNotReject(dialog.getByText('至少8位，包含大写字母、小写字母、数字、符号中的三类').waitFor())
    await shot(page, '04-user-dialog')

    await dialog.locator('[data-test=user-save]').click()
    await dialog.waitFor({ state: 'hidden' })
    const row = page.locator('[data-test=user-table] .el-table__row', { hasText: NEW_USER.username })
    await row.waitFor()
    const text = await row.innerText()
    assert.match(text, new RegExp(NEW_USER.display_name))
    assert.match(text, /正常/)
    await shot(page, '05-user-created')

    // The new account can sign in with the password set in the dialog.
    const res = await page.evaluate(
      async ({ username, password }) => {
        const r = await fetch('/api/v1/users?q=' + encodeURIComponent(username), { credentials: 'same-origin' })
        return { status: r.status, body: await r.json() }
      },
      NEW_USER
    )
    assert.equal(res.status, 200)
    assert.ok(res.body.items.some((u) => u.username === NEW_USER.username))
    assert.deepEqual(page.errors, [])
  } finally {
    await context.close()
  }
})

test('an auditor sees the audit log, not user management, and finds the earlier login', { timeout: 90_000 }, async () => {
  const { context, page } = await newPage(browser)
  try {
    await login(page, server.url, ACCOUNTS.auditor.username, PASSWORD)
    await page.locator('[data-test=welcome]').waitFor()
    const menu = await menuText(page)
    assert.match(menu, /审计日志/)
    assert.doesNotMatch(menu, /用户管理/)
    assert.doesNotMatch(menu, /系统管理/)
    await shot(page, '06-auditor-home')

    await page.locator('.el-menu-item', { hasText: '审计日志' }).click()
    await page.waitForURL(/#\/audit/)
    const table = page.locator('[data-test=audit-table]')
    const loginRow = table.locator('.el-table__row', { hasText: ACCOUNTS.sysadmin.username }).filter({ hasText: /登录/ })
    await loginRow.first().waitFor()
    await shot(page, '07-audit-log')

    // The creation of the user shows its record after the change.
    const createRow = table.locator('.el-table__row', { hasText: '新增' }).first()
    if (await createRow.count()) {
      await createRow.locator('.el-table__expand-icon').click()
      await page.getByText('修改后', { exact: true }).first().waitFor()
      await shot(page, '08-audit-expanded')
    }

    await page.goto(`${server.url}/#/system/users`)
    await page.getByText('无权限', { exact: true }).waitFor()
    assert.deepEqual(page.errors, [])
  } finally {
    await context.close()
  }
})

test('a wrong password shows the server message and stays on the login page', { timeout: 60_000 }, async () => {
  const { context, page } = await newPage(browser)
  try {
    await login(page, server.url, ACCOUNTS.sysadmin.username, 'Wrong#Password1')
    const alert = page.locator('[data-test=login-error]')
    await alert.waitFor()
    assert.match(await alert.innerText(), /用户名或密码错误/)
    assert.match(page.url(), /#\/login/)
    assert.equal(await page.locator('.el-header').count(), 0)
    await shot(page, '09-login-wrong-password')
  } finally {
    await context.close()
  }
})

test('logging out returns to the login page and ends the session', { timeout: 60_000 }, async () => {
  const { context, page } = await newPage(browser)
  try {
    await login(page, server.url, ACCOUNTS.sysadmin.username, PASSWORD)
    await page.locator('[data-test=welcome]').waitFor()
    const before = await page.evaluate(async () => (await fetch('/api/v1/auth/me', { credentials: 'same-origin' })).status)
    assert.equal(before, 200)

    await page.locator('[data-test=logout]').click()
    await page.waitForURL(/#\/login/)
    await page.locator('input[name=username]').waitFor()
    await shot(page, '10-logged-out')

    const after = await page.evaluate(async () => (await fetch('/api/v1/auth/me', { credentials: 'same-origin' })).status)
    assert.equal(after, 401)

    // The console itself now sends the user back to the login page.
    await page.goto(`${server.url}/#/system/users`)
    await page.waitForURL(/#\/login/)
  } finally {
    await context.close()
  }
})
