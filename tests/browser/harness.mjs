// Test harness: a real Guiyan server on a fresh database, and Debian's Chromium driven by
// playwright-core. Nothing is downloaded: the browser is /usr/bin/chromium.
import { spawn, execFileSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
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
  auditor: { username: 'auditor1', role: 'auditor', displayName: '王审计' }
}
const REGION = '421000'
const DEPARTMENT = '荆州市人社局'

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

function run(args, input) {
  try {
    return execFileSync(BIN, args, { cwd: REPO, input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], timeout: 60_000 })
  } catch (e) {
    throw new Error(`${path.relative(REPO, BIN)} ${args.join(' ')} failed (exit ${e.status}):\n${e.stdout || ''}${e.stderr || ''}`)
  }
}

// Starts the server on a fresh temporary database, or uses GUIYAN_URL when that is set
// (a server already running, with the accounts above).
export async function startServer() {
  fs.mkdirSync(OUT, { recursive: true })
  if (process.env.GUIYAN_URL) return { url: process.env.GUIYAN_URL.replace(/\/$/, ''), stop: async () => {} }

  if (!fs.existsSync(BIN)) throw new Error(`server binary not found: ${BIN} (build it, or set GUIYAN_BIN)`)
  if (!fs.existsSync(path.join(WEB, 'index.html'))) throw new Error(`${WEB}/index.html not found: run "npm ci && npm run build" in web/`)

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'guiyan-browser-'))
  const db = `sqlite:${path.join(tmp, 'g.db')}`
  run(['migrate', '--db', db])
  for (const account of Object.values(ACCOUNTS)) {
    run(
      ['user', 'add', account.username, '--role', account.role, '--region', REGION, '--department', DEPARTMENT, '--display-name', account.displayName, '--password-stdin', '--db', db],
      `${PASSWORD}\n`
    )
  }

  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const log = fs.openSync(path.join(OUT, 'server.log'), 'w')
  const proc = spawn(BIN, ['serve', '--listen', `127.0.0.1:${port}`, '--db', db, '--web', WEB], {
    cwd: REPO,
    stdio: ['ignore', log, log]
  })
  let exited = null
  proc.on('exit', (code, signal) => (exited = { code, signal }))

  const deadline = Date.now() + 30_000
  for (;;) {
    if (exited) throw new Error(`server exited early (${JSON.stringify(exited)}); see test-output/browser/server.log`)
    try {
      const res = await fetch(`${url}/api/v1/health`)
      if (res.ok) break
    } catch (e) {
      // not listening yet
    }
    if (Date.now() > deadline) {
      proc.kill('SIGKILL')
      throw new Error('server did not answer /api/v1/health within 30 s; see test-output/browser/server.log')
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
  return { url, stop }
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
    timezoneId: 'Asia/Shanghai'
  })
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  const errors = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.errors = errors
  return { context, page }
}

export async function shot(page, name) {
  await page.waitForTimeout(300) // let transitions settle
  await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true })
}

export async function login(page, url, username, password) {
  await page.goto(`${url}/#/login`)
  await page.locator('input[name=username]').fill(username)
  await page.locator('input[name=password]').fill(password)
  await page.locator('[data-test=login-submit]').click()
}

export async function menuText(page) {
  return page.locator('[data-test=side-menu]').innerText()
}
