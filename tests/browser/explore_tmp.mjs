import { chromium } from 'playwright-core'
const url = 'http://127.0.0.1:8090'
const [user, pass, ...pages] = process.argv.slice(2)
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] })
const p = await b.newPage({ viewport: { width: +(process.env.W||1440), height: +(process.env.H||900) } })
p.on('console', (m) => { if (m.type() === 'error') console.log('console error:', m.text()) })
p.on('response', (r) => { if (r.status() >= 400) console.log('HTTP', r.status(), r.url()) })
await p.goto(url + '/#/login')
await p.locator('input[name=username]').fill(user)
await p.locator('input[name=password]').fill(pass)
await p.locator('[data-test=login-submit]').click()
await p.locator('[data-test=welcome]').waitFor()
for (const path of pages) {
  await p.goto(url + '/#' + path); await p.waitForLoadState('networkidle'); await p.waitForTimeout(500)
  const name = path.replace(/[^a-z0-9]+/gi, '_') || 'home'
  await p.screenshot({ path: `/tmp/ex/shots/${name}.png`, fullPage: true })
  console.log('shot', name)
}
await b.close()
