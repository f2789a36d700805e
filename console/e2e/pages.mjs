// Page objects of the console for the browser suite (phase 2 runs them from mvn verify; today:
// `npm run e2e -- http://127.0.0.1:PORT` against a running local cloud). Selectors are what a
// person reads - labels, button texts, roles - so they double as accessibility checks.

export class LoginPage {
  constructor(page, base) {
    this.page = page
    this.base = base
  }

  async open() {
    await this.page.goto(`${this.base}/console/login`, { waitUntil: 'networkidle' })
  }

  /** The local dev login: picks the demo account whose label starts with the display name. */
  async signInAs(displayName) {
    await this.page.getByRole('combobox', { name: '演示账号' }).click()
    await this.page.getByRole('option', { name: new RegExp('^' + displayName) }).click()
    await this.page.getByRole('button', { name: '登录', exact: true }).click()
    await this.page.getByRole('heading', { level: 1, name: '工作台', exact: true }).waitFor()
  }
}

export class Shell {
  constructor(page) {
    this.page = page
  }

  async go(menu) {
    await this.page.getByRole('navigation', { name: '主导航' }).getByText(menu, { exact: true }).click()
    await this.page.getByRole('heading', { level: 1, name: menu }).waitFor()
  }
}

export class DispatchPage {
  constructor(page) {
    this.page = page
  }

  async tab(name) {
    await this.page.getByRole('tab', { name }).click()
  }

  /** Opens a case from whichever list is showing. */
  async openCase(caseId) {
    await this.page.getByRole('link', { name: caseId }).first().click()
    await this.page.getByRole('heading', { level: 1, name: new RegExp(caseId) }).waitFor()
  }
}

export class CasePage {
  constructor(page) {
    this.page = page
  }

  status() {
    return this.page.locator('.head .el-tag').first().innerText()
  }

  actions() {
    return this.page.getByRole('group', { name: '可执行的操作' }).getByRole('button').allInnerTexts()
  }

  async act(label, fill = async () => {}) {
    await this.page.getByRole('group', { name: '可执行的操作' }).getByRole('button', { name: label }).click()
    const dialog = this.page.getByRole('dialog', { name: label })
    await dialog.waitFor()
    await fill(dialog)
    await dialog.getByRole('button', { name: label }).click()
    await dialog.waitFor({ state: 'hidden' })
  }

  /** In the summon form: the departments by code (typed while the registry route is missing, else picked). */
  static async departments(dialog, codes) {
    const typed = dialog.getByRole('textbox', { name: '职能部门编码' })
    if (await typed.count()) return typed.fill(codes.join(', '))
    // Element Plus draws its select over the input: the wrapper takes the click, the options are in a popper
    const select = dialog.locator('.el-select__wrapper', { has: dialog.page().getByRole('combobox', { name: '职能部门' }) })
    await select.click()
    for (const c of codes) await dialog.page().getByRole('option', { name: new RegExp(c) }).click()
    // a click outside the select closes its list, which would otherwise cover the dialog's buttons
    await dialog.locator('.el-dialog__header').click()
    await dialog.page().getByRole('option', { name: new RegExp(codes[0]) }).waitFor({ state: 'hidden' })
  }
}
