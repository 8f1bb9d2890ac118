// Browser tests of 字典管理 (the skills dictionary 技能字典 and the labour brands 劳务品牌) against the
// real server: a sysadmin adds a term, meets a word conflict and retires a brand; a clerk sees the
// dictionaries read-only and finds the new term, not the retired brand, when registering a person.
// Run: cd tests/browser && npm install && node --test vocabularies.test.mjs   (web/dist built first)
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, shot, menuText, apiFetch, pickOption, pickRegion, idNumber, signedInPage, openMenu, ACCOUNTS } from './harness.mjs'

let server
let browser

before(async () => {
  server = await startServer({ logName: 'server-vocabularies.log' })
  browser = await launchBrowser()
})

after(async () => {
  await browser?.close()
  await server?.stop()
})

const table = (page) => page.locator('[data-test=vocabulary-table]')
const row = (page, text) => table(page).locator('.el-table__row', { hasText: text })

// Types the synonyms into the dialog's tag input, each ended with Enter.
async function addSynonyms(dialog, words) {
  const input = dialog.locator('[data-test=term-synonyms] input')
  for (const w of words) {
    await input.fill(w)
    await input.press('Enter')
  }
}

test('a sysadmin adds a skill with synonyms, is told about a taken word and retires a brand', { timeout: 120_000 }, async () => {
  const { context, page } = await signedInPage(browser, server.url, ACCOUNTS.sysadmin.username)
  try {
    // The sysadmin keeps the dictionaries without working on people: only 字典管理 in the group.
    const menu = await menuText(page)
    assert.match(menu, /返乡人员/)
    assert.match(menu, /字典管理/)
    assert.doesNotMatch(menu, /人员台账/)
    await openMenu(page, '字典管理', /#\/people\/vocabularies/)
    await row(page, '电工').first().waitFor()
    assert.match(await page.locator('[data-test=vocabulary-total]').innerText(), /共 14 个在用/)
    await shot(page, 'v01-skills')

    await page.locator('[data-test=vocabulary-create]').click()
    let dialog = page.locator('.el-dialog', { hasText: '新增词条' })
    await dialog.waitFor()
    await dialog.locator('input[name=label]').fill('水电工')
    await addSynonyms(dialog, ['管道工', '水暖工'])
    await shot(page, 'v02-add-dialog')
    await dialog.locator('[data-test=term-save]').click()
    await dialog.waitFor({ state: 'hidden' })
    const added = row(page, '水电工')
    await added.waitFor()
    const text = await added.innerText()
    assert.match(text, /管道工/)
    assert.match(text, /水暖工/)
    assert.match(text, /skill_15/)
    assert.match(text, /在用/)
    assert.match(await page.locator('[data-test=vocabulary-total]').innerText(), /共 15 个在用/)
    await page.waitForTimeout(500) // let any follow-up request answer
    assert.equal(await page.locator('.el-message--error').count(), 0, 'no error message after saving')
    await shot(page, 'v03-added')

    // A synonym another term has: the server's message shows under 同义词, nothing is added.
    await page.locator('[data-test=vocabulary-create]').click()
    dialog = page.locator('.el-dialog', { hasText: '新增词条' })
    await dialog.waitFor()
    await dialog.locator('input[name=label]').fill('电焊工人')
    await addSynonyms(dialog, ['电焊'])
    await dialog.locator('[data-test=term-save]').click()
    const error = dialog.locator('[data-test=term-synonyms] .el-form-item__error')
    await error.waitFor()
    assert.match(await error.innerText(), /“电焊”已是词条“焊工”的名称或同义词/)
    await shot(page, 'v04-word-conflict')
    await dialog.getByRole('button', { name: '取消' }).click()
    await dialog.waitFor({ state: 'hidden' })
    assert.equal(await row(page, '电焊工人').count(), 0)

    // Retire 竹艺师 among the labour brands.
    await page.locator('.el-tabs__item', { hasText: '劳务品牌' }).click()
    await row(page, '竹艺师').waitFor()
    await page.locator('[data-test=term-retire-bamboo_craft]').click()
    const confirm = page.locator('.el-message-box', { hasText: '停用词条' })
    await confirm.waitFor()
    await confirm.getByRole('button', { name: '停用' }).click()
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-test=vocabulary-table] .el-table__row')].some(
        (r) => r.textContent.includes('竹艺师') && r.textContent.includes('已停用')
      )
    )
    assert.match(await page.locator('[data-test=vocabulary-total]').innerText(), /共 5 个在用，1 个已停用/)
    await shot(page, 'v05-brand-retired')

    // What the API now holds (the page showed what the server answered).
    const brands = await apiFetch(page, '/vocabularies/labour_brands')
    assert.equal(brands.body.items.find((t) => t.key === 'bamboo_craft').retired, true)
    assert.deepEqual(page.errors, [])
  } finally {
    await context.close()
  }
})

test('a clerk reads the dictionaries and registers a person with the new skill', { timeout: 120_000 }, async () => {
  const { context, page } = await signedInPage(browser, server.url, ACCOUNTS.clerk.username)
  try {
    await openMenu(page, '字典管理', /#\/people\/vocabularies/)
    await row(page, '水电工').waitFor()
    assert.equal(await page.locator('[data-test=vocabulary-create]').count(), 0)
    assert.equal(await page.locator('[data-test=term-edit-skill_15]').count(), 0)
    await shot(page, 'v06-clerk-read-only')

    await openMenu(page, '人员台账', /#\/people$/)
    await page.locator('[data-test=people-create]').click()
    const dialog = page.locator('.el-dialog', { hasText: '登记人员' })
    await dialog.waitFor()
    await dialog.locator('input[name=name]').fill('周水电')
    await dialog.locator('input[name=id_number]').fill(idNumber('421022', '19870909', '061'))
    await pickRegion(page, dialog.locator('[data-test=field-region_code]'), ['荆州市', '公安县'])
    await pickOption(page, dialog.locator('[data-test=field-skills]'), '水电工')
    await dialog.locator('.el-dialog__title').click() // close the multi-select's dropdown
    // The retired brand is no longer offered.
    await dialog.locator('[data-test=field-labour_brand] .el-select__wrapper').click()
    // The brands' own dropdown (the skills' one may still be fading out).
    const brandList = page.locator('.el-select-dropdown:visible', {
      has: page.locator('.el-select-dropdown__item', { hasText: '洪湖莲藕师' })
    })
    await brandList.waitFor()
    const brands = await brandList.locator('.el-select-dropdown__item').allInnerTexts()
    assert.ok(brands.includes('洪湖莲藕师'), brands.join(','))
    assert.ok(!brands.some((b) => b.includes('竹艺师')), brands.join(','))
    await dialog.locator('.el-dialog__title').click()
    await shot(page, 'v07-register-with-new-skill')
    await dialog.locator('[data-test=person-save]').click()
    await dialog.waitFor({ state: 'hidden' })

    // Search by the new term's label finds them.
    await page.locator('[data-test=people-search]').fill('水电工')
    await page.locator('[data-test=people-search]').press('Enter')
    await page.waitForFunction(() => /共\s*1\s*人/.test(document.querySelector('[data-test=people-total]')?.textContent || ''))
    const found = page.locator('[data-test=people-table] .el-table__body .el-table__row')
    assert.match(await found.first().innerText(), /周水电/)
    assert.match(await found.first().innerText(), /水电工/)
    await shot(page, 'v08-found-by-new-skill')
    assert.deepEqual(page.errors, [])
  } finally {
    await context.close()
  }
})
