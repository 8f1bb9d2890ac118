// The three ledgers the console imports (POST /imports?kind=…), and what the import page says and
// links to for each.
export const IMPORT_KINDS = {
  people: {
    ledger: '人员台账',
    ledgerPath: '/people',
    ledgerPerm: 'person:read',
    store: '人员信息库',
    unit: '人',
    sources: true, // 数据来源 is chosen for people only: merchants and ventures keep none
    headerHint: null // people: the hint lists the vocabulary's fields (ImportPage)
  },
  merchants: {
    ledger: '楚商名录',
    ledgerPath: '/merchants',
    ledgerPerm: 'merchant:read',
    store: '楚商楚才名录',
    unit: '条',
    sources: false,
    headerHint:
      '表头在前10行内，须含“籍贯地”（区划代码，或“荆州市/公安县/…”形式的名称路径），姓名与企业名称至少填写一项；有统一社会信用代码的按代码识别，再次导入时更新原记录。各列的填法见导入模板的“填表说明”。'
  },
  ventures: {
    ledger: '创业主体台账',
    ledgerPath: '/ventures',
    ledgerPerm: 'venture:read',
    store: '返乡创业主体台账',
    unit: '个',
    sources: false,
    headerHint:
      '表头在前10行内，须含“主体名称”“主体类型”“所在地”和“创办人身份证号”（创办人须已登记在返乡人员信息库中，多人用“、”隔开）；有统一社会信用代码的按代码识别，再次导入时更新原记录。各列的填法见导入模板的“填表说明”。'
  }
}
