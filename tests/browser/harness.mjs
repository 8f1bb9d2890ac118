// Test harness: a real Guiyan server on a fresh database, and Debian's Chromium driven by
// playwright-core. Nothing is downloaded: the browser is /usr/bin/chromium.
import { spawn, execFileSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import assert from 'node:assert/strict'
import { chromium } from 'playwright-core'

const here = path.dirname(fileURLToPath(import.meta.url))
export const REPO = path.resolve(here, '..', '..')
export const OUT = path.join(REPO, 'test-output', 'browser')
// GUIYAN_BIN, when relative, is taken from the repository root.
export const BIN = path.resolve(REPO, process.env.GUIYAN_BIN || 'build/guiyan')
export const WEB = path.join(REPO, 'web', 'dist')
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium'

// Accounts the tests create with `guiyan user add`.
export const PASSWORD = 'Guiyan#2026'
export const ACCOUNTS = {
  sysadmin: { username: 'sysadmin1', role: 'sysadmin', displayName: '李建国' },
  auditor: { username: 'auditor1', role: 'auditor', displayName: '王审计' },
  clerk: { username: 'clerk1', role: 'clerk', displayName: '赵经办' },
  colleague: { username: 'clerk2', role: 'clerk', displayName: '钱专员' },
  leader: { username: 'leader1', role: 'leader', displayName: '孙领导' }
}
const REGION = '421000'
const DEPARTMENT = '荆州市人社局'

// Each test file runs in its own process, several side by side: each listens on a loopback address
// of its own, so two files never take the same free port. 127.0.1.x: the GoogleTest shards, which
// run beside the browser tests, listen on 127.0.0.x (tests/support/loopback.h).
const HOST = `127.0.1.${2 + (process.pid % 250)}`

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, HOST, () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })
}

// Every guiyan process started here hashes new passwords at libsodium's least cost, as the API
// tests' do (tests/support/server_process.h: kTestHashVariable); never set it on an installation.
const ENV = { ...process.env, GUIYAN_INSECURE_TEST_PASSWORD_HASH: '1' }

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

function run(args, input) {
  try {
    return execFileSync(BIN, args, { cwd: REPO, env: ENV, input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], timeout: 60_000 })
  } catch (e) {
    throw new Error(`${path.relative(REPO, BIN)} ${args.join(' ')} failed (exit ${e.status}):\n${e.stdout || ''}${e.stderr || ''}`)
  }
}

// Starts the server on a fresh temporary database, or uses GUIYAN_URL when that is set
// (a server already running, with the accounts above). logName: the server's log file in OUT.
// extraAccounts: more accounts, made like those above but each with its own region and
// department ({username, role, region, department, displayName}); a server named by GUIYAN_URL
// does not get them, and the result's hasExtraAccounts says so.
export async function startServer({ logName = 'server.log', extraAccounts = [] } = {}) {
  fs.mkdirSync(OUT, { recursive: true })
  if (process.env.GUIYAN_URL) {
    return { url: process.env.GUIYAN_URL.replace(/\/$/, ''), stop: async () => {}, hasExtraAccounts: !extraAccounts.length }
  }

  if (!fs.existsSync(BIN)) throw new Error(`server binary not found: ${BIN} (build it, or set GUIYAN_BIN)`)
  if (!fs.existsSync(path.join(WEB, 'index.html'))) throw new Error(`${WEB}/index.html not found: run "npm ci && npm run build" in web/`)

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'guiyan-browser-'))
  const db = `sqlite:${path.join(tmp, 'g.db')}`
  run(['migrate', '--db', db])
  const accounts = [
    ...Object.values(ACCOUNTS).map((a) => ({ ...a, region: REGION, department: DEPARTMENT })),
    ...extraAccounts
  ]
  for (const account of accounts) {
    run(
      ['user', 'add', account.username, '--role', account.role, '--region', account.region, '--department', account.department, '--display-name', account.displayName, '--password-stdin', '--db', db],
      `${PASSWORD}\n`
    )
  }

  const port = await freePort()
  const url = `http://${HOST}:${port}`
  const log = fs.openSync(path.join(OUT, logName), 'w')
  const proc = spawn(BIN, ['serve', '--listen', `${HOST}:${port}`, '--db', db, '--web', WEB], {
    cwd: REPO,
    env: ENV,
    stdio: ['ignore', log, log]
  })
  let exited = null
  proc.on('exit', (code, signal) => (exited = { code, signal }))

  const deadline = Date.now() + 30_000
  for (;;) {
    if (exited) throw new Error(`server exited early (${JSON.stringify(exited)}); see test-output/browser/${logName}`)
    try {
      const res = await fetch(`${url}/api/v1/health`)
      if (res.ok) break
    } catch (e) {
      // not listening yet
    }
    if (Date.now() > deadline) {
      proc.kill('SIGKILL')
      throw new Error(`server did not answer /api/v1/health within 30 s; see test-output/browser/${logName}`)
    }
    await sleep(200)
  }

  async function stop() {
    if (!exited) {
      proc.kill('SIGTERM')
      for (let i = 0; i < 50 && !exited; i++) await sleep(100)
      if (!exited) proc.kill('SIGKILL')
    }
    fs.closeSync(log)
    fs.rmSync(tmp, { recursive: true, force: true })
  }
  return { url, stop, hasExtraAccounts: true }
}

// The API of `server` as one account sees it, for a test's setup: call(method, path, body) answers
// {status, body}. Signs in first as `username` (a fixture account).
export async function apiAs(server, username) {
  let token = null
  async function call(method, apiPath, body) {
    const res = await fetch(`${server.url}/api/v1${apiPath}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body)
    })
    const text = await res.text()
    return { status: res.status, body: text ? JSON.parse(text) : null }
  }
  const signin = await call('POST', '/auth/login', { username, password: PASSWORD })
  if (signin.status !== 200) throw new Error(`login ${username}: ${JSON.stringify(signin.body)}`)
  token = signin.body.token
  return call
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync'
    ]
  })
}

// A fresh browser context (no cookies) with one page.
export async function newPage(browser) {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    reducedMotion: 'reduce'
  })
  // No CSS transitions or animations: Chromium otherwise redraws every frame of a spinner or a
  // fading dialog, which was about 15 % of the suite's CPU time (490 → 419 core-seconds, 361 → 305 s
  // for the 49 tests, measured on 2026-12-07) and took it from the builds and suites beside it.
  // Vue and Element Plus then finish each transition at once, as for a user who asked for less
  // motion; what a test asserts (text, state, requests) is the same.
  await context.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      const s = document.createElement('style')
      s.textContent = '*,*::before,*::after{transition:none!important;animation:none!important}'
      document.head.appendChild(s)
    })
  })
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  const errors = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.errors = errors
  return { context, page }
}

export async function shot(page, name) {
  await page.waitForTimeout(300) // let a layout that follows a request settle
  await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true })
}

export async function login(page, url, username, password) {
  await page.goto(`${url}/#/login`)
  await page.locator('input[name=username]').fill(username)
  await page.locator('input[name=password]').fill(password)
  await page.locator('[data-test=login-submit]').click()
}

// A new page signed in as `username` (the demo password), on the welcome page.
export async function signedInPage(browser, url, username) {
  const { context, page } = await newPage(browser)
  await login(page, url, username, PASSWORD)
  await page.locator('[data-test=welcome]').waitFor()
  return { context, page }
}

// Clicks a side-menu entry and waits for its route.
export async function openMenu(page, title, urlPattern) {
  await page.locator('.el-menu-item', { hasText: title }).click()
  await page.waitForURL(urlPattern)
}

// Puts a CSV (UTF-8 with the BOM Excel writes) named `name` into the import page's upload.
export async function uploadCsv(page, name, text) {
  await page.locator('[data-test=import-upload] input[type=file]').setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from('\ufeff' + text, 'utf8')
  })
}

// Asserts the counts of a finished import step (the reader importFinished gave): {key: n}.
export async function assertCounts(read, expected) {
  const got = {}
  for (const key of Object.keys(expected)) got[key] = await read(key)
  assert.deepEqual(got, expected)
}

// The import page (ImportPage.vue): waits until the job shown in `step` (a data-test of its
// steps: import-step-check or import-step-done) has finished, asserts it finished well, and
// returns count(key), the number the result shows for a count (rows_read, accepted …).
export async function importFinished(page, step) {
  const root = page.locator(`[data-test=${step}]`)
  await root.waitFor()
  await root.locator('[data-test=import-status]', { hasText: /已完成|失败/ }).waitFor({ timeout: 60_000 })
  assert.equal((await root.locator('[data-test=import-status]').innerText()).trim(), '已完成')
  return async (key) => Number((await root.locator(`[data-test=count-${key}] .count-value`).innerText()).trim())
}

export async function menuText(page) {
  return page.locator('[data-test=side-menu]').innerText()
}

// Calls the API from the page (with its session cookie): {status, body}.
export async function apiFetch(page, path, init = {}) {
  return page.evaluate(
    async ({ path, init }) => {
      const r = await fetch('/api/v1' + path, { credentials: 'same-origin', ...init })
      const text = await r.text()
      let body = null
      try {
        body = JSON.parse(text)
      } catch (e) {
        body = text
      }
      return { status: r.status, body }
    },
    { path, init }
  )
}

// Picks an option of an Element Plus select: opens it and clicks the visible option.
export async function pickOption(page, select, label) {
  await select.locator('.el-select__wrapper').first().click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: label }).first().click()
}

// Types a date (YYYY-MM-DD) into an el-date-picker and confirms it.
export async function pickDate(picker, iso) {
  const input = picker.locator('input').first()
  await input.fill(iso)
  await input.press('Enter')
}

// Picks a region in a (single) RegionSelect: opens it, expands each step of `path` but the
// last (names, from the account's region down) and clicks the last until the list closes —
// the sign the select took it. Under load a click on a node just loaded can come before the
// select knows its option and is dropped without a word; it is made again, three times at most.
export async function pickRegion(page, select, path) {
  await select.locator('.el-select__wrapper').first().click()
  const popper = page.locator('.el-tree-select__popper:visible, .el-select__popper:visible').last()
  for (let i = 0; i < path.length; i++) {
    const node = popper.locator('.el-tree-node__content', { has: page.getByText(path[i], { exact: true }) }).first()
    await node.waitFor()
    if (i < path.length - 1) {
      const expanded = await node.locator('.el-tree-node__expand-icon.expanded').count()
      if (!expanded) await node.locator('.el-tree-node__expand-icon').click()
    } else {
      for (let attempt = 1; ; attempt++) {
        await node.getByText(path[i], { exact: true }).click()
        try {
          await popper.waitFor({ state: 'hidden', timeout: 5_000 })
          return
        } catch (e) {
          if (attempt === 3) throw new Error(`pickRegion: clicking ${path.join(' / ')} three times did not choose it`)
        }
      }
    }
  }
}

// GB 11643 check character of the first 17 digits (ISO 7064 MOD 11-2).
export function idCheckChar(first17) {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i]
  return '10X98765432'[sum % 11]
}

// A valid 18-character ID number from region code, birth date (YYYYMMDD) and 3-digit sequence.
export function idNumber(region, birth, seq) {
  const first17 = `${region}${birth}${seq}`
  return first17 + idCheckChar(first17)
}
