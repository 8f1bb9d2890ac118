// Browser test of the task list 任务清单 and quarterly reports 信息报送 against the real server, as a
// clerk (业务经办) of 荆州市人社局: open the task list, add a progress note in the task's drawer,
// file this quarter's report for the unit, and add a task linked to an indicator chosen by name.
// Run: cd tests/browser && npm install && node --test tasks.test.mjs   (web/dist built first)
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { apiAs, startServer, launchBrowser, shot, menuText, signedInPage, pickOption, ACCOUNTS } from './harness.mjs'

let server
let browser
let call // the clerk's API, for the setup
const CONTENT = '建立楚商楚才信息库、返乡创业项目库、创业指导专家库。'

before(async () => {
  // The joint-meeting office's account creates its department (kind joint_office).
  server = await startServer({
    logName: 'server-tasks.log',
    extraAccounts: [{ username: 'office1', role: 'clerk', region: '421000', department: '荆州市联席会议办公室', displayName: '周办公室' }]
  })
  browser = await launchBrowser()
  call = await apiAs(server, ACCOUNTS.clerk.username)
  const me = await call('GET', '/auth/me')
  const hrss = me.body.department.id
  const year = new Date().getFullYear()
  const res = await call('POST', '/tasks', { year, content: CONTENT, deadline: `${year}年12月`, lead_department_id: hrss })
  assert.equal(res.status, 201, JSON.stringify(res.body))
  const line = await call('PUT', `/report-lines/${hrss}`, {})
  assert.equal(line.status, 200, JSON.stringify(line.body))
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

test('a clerk opens the task list and records progress for the unit', { timeout: 120_000 }, async () => {
  const { context, page } = await signedInPage(browser, server.url, ACCOUNTS.clerk.username)
  try {
    assert.match(await menuText(page), /任务督办/)
    await page.goto(`${server.url}/#/tasks`)
    await page.locator('[data-test=tasks-total]', { hasText: '共 1 项任务' }).waitFor()
    assert.match(await page.locator('[data-test=task-status]').first().innerText(), /未开始/)
    await page.locator('[data-test=task-content]', { hasText: CONTENT }).click()
    const drawer = page.locator('.el-drawer')
    await drawer.waitFor()
    await drawer.locator('[data-test=note-content]').fill('专家库已入库专家62名')
    await drawer.locator('[data-test=note-save]').click()
    await message(page, '已记录工作进展')
    await drawer.locator('[data-test=task-notes]', { hasText: '专家库已入库专家62名' }).waitFor()
    assert.match(await drawer.locator('[data-test=task-notes]').innerText(), /荆州市人社局/)
    await page.locator('[data-test=task-status]', { hasText: '推进中' }).first().waitFor()
    await shot(page, 'tasks-note')
  } finally {
    await context.close()
  }
})

test('a clerk files the unit quarterly report and the office sheet shows it', { timeout: 120_000 }, async () => {
  const { context, page } = await signedInPage(browser, server.url, ACCOUNTS.clerk.username)
  try {
    await page.goto(`${server.url}/#/tasks/reports`)
    const window = page.locator('[data-test=report-window]')
    await window.waitFor()
    assert.match(await window.innerText(), /报送期：\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}/)
    await page.locator('[data-test=report-progress]').fill('本季度推进情况：专家库建成。')
    await page.locator('[data-test=report-problems]').fill('县级数据归集慢')
    await page.locator('[data-test=report-save]').click()
    assert.match(await message(page, '已报送'), /已报送/)
    await page.locator('.el-tabs__item', { hasText: '报送情况' }).click()
    await page.locator('[data-test=sheet-counts]', { hasText: '已报送 1' }).waitFor()
    assert.match(await page.locator('[data-test=sheet-table]').innerText(), /荆州市人社局/)
    await shot(page, 'tasks-report')
  } finally {
    await context.close()
  }
})

test('a task linked to an indicator chosen by its name shows the indicator and its progress', { timeout: 120_000 }, async () => {
  const { context, page } = await signedInPage(browser, server.url, ACCOUNTS.clerk.username)
  try {
    await page.goto(`${server.url}/#/tasks`)
    await page.locator('[data-test=tasks-create]').click()
    const dialog = page.locator('.el-dialog', { hasText: '新增任务' })
    await dialog.waitFor()
    await dialog.locator('[data-test=task-form-content]').fill('新增返乡创业市场主体4户。')
    await dialog.locator('[data-test=task-form-deadline]').fill(`${new Date().getFullYear()}年12月`)
    await pickOption(page, dialog.locator('[data-test=task-form-lead]'), '荆州市人社局')
    // Offices pick the indicator by its Chinese name, never type a code.
    await pickOption(page, dialog.locator('[data-test=task-indicator-select]'), '新增返乡创业市场主体（户）')
    await dialog.locator('[data-test=task-form-target]').locator('xpath=descendant-or-self::input').first().fill('4')
    await dialog.locator('[data-test=task-form-save]').click()
    await message(page, '已新增任务')
    await page.locator('[data-test=task-content]', { hasText: '新增返乡创业市场主体4户。' }).click()
    const line = page.locator('.el-drawer [data-test=task-indicator]')
    await line.waitFor()
    // No venture registered in 荆州 this year on this server: none done of the 4.
    const text = (await line.innerText()).replace(/\s+/g, ' ')
    assert.match(text, /新增返乡创业市场主体：已完成 0 户，目标 4 户/)
    assert.match(text, /0\.0%/)
    assert.doesNotMatch(text, /new_ventures|\{/)
    await shot(page, 'tasks-indicator')
  } finally {
    await context.close()
  }
})
