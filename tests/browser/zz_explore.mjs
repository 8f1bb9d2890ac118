import fs from 'node:fs'
import { startServer, launchBrowser, shot, signedInPage, openMenu, uploadCsv, importFinished, ACCOUNTS } from './harness.mjs'
const server = await startServer({ logName: 'server-explore.log' })
const browser = await launchBrowser()
try {
  const { page } = await signedInPage(browser, server.url, ACCOUNTS.clerk.username)
  await openMenu(page, '批量导入', /#\/people\/import/)
  await uploadCsv(page, '乡镇台账.csv', fs.readFileSync('/tmp/ex2/messy3.csv', 'utf8'))
  await page.locator('[data-test=import-source] input').first().click().catch(() => {})
  await shot(page, 'x01-upload')
  await page.locator('[data-test=import-check]').click().catch((e) => console.log('check', e.message))
  await importFinished(page, 'import-step-check').catch((e) => console.log('wait', e.message))
  await shot(page, 'x02-checked')
  console.log(await page.locator('body').innerText())
} finally {
  await browser.close()
  await server.stop()
}
