// The side menu. Items carry the permission they need (an array: any one of them); the layout
// shows only what the account holds, and a group only when one of its items remains (and the
// account holds the group's own permission, when it names one).
import { HomeFilled, MapLocation, Setting, User, Avatar, OfficeBuilding, Document, UserFilled, Tickets, DataAnalysis, Upload, CopyDocument, Collection, Briefcase, Notebook, PieChart, Timer, Shop, Location, Medal } from '@element-plus/icons-vue'
import { hasPerm } from './session.js'
import { Flag, Grid, List, ChatDotRound, Stopwatch, Files } from '@element-plus/icons-vue'
import { Money, Wallet, Goods, Coin } from '@element-plus/icons-vue'
import { Odometer, Aim } from '@element-plus/icons-vue'
import { Checked, DocumentChecked } from '@element-plus/icons-vue'
import { Calendar, TrendCharts } from '@element-plus/icons-vue'

export const MENU = [
  { path: '/', title: '首页', icon: HomeFilled },
  { path: '/regions', title: '行政区划', icon: MapLocation },
  {
    key: 'indicators',
    title: '目标考核',
    icon: Odometer,
    perm: 'indicator:read',
    children: [
      { path: '/dashboard', title: '驾驶舱', icon: Odometer, perm: 'indicator:read' },
      { path: '/targets', title: '目标任务', icon: Aim, perm: 'indicator:read' }
    ]
  },
  {
    key: 'people',
    title: '返乡人员',
    icon: UserFilled,
    // 字典管理 is also for those who keep the dictionaries without working on people.
    perm: ['person:read', 'vocabulary:write'],
    children: [
      { path: '/people', title: '人员台账', icon: Tickets, perm: 'person:read' },
      { path: '/people/stats', title: '漏斗统计', icon: DataAnalysis, perm: 'person:read' },
      { path: '/people/import', title: '批量导入', icon: Upload, perm: 'person:import' },
      { path: '/people/duplicates', title: '疑似重复', icon: CopyDocument, perm: 'person:read' },
      { path: '/people/vocabularies', title: '字典管理', icon: Collection, perm: ['person:read', 'vocabulary:write'] }
    ]
  },
  {
    key: 'ventures',
    title: '返乡创业',
    icon: Shop,
    perm: 'venture:read',
    children: [
      { path: '/ventures', title: '创业主体台账', icon: Tickets, perm: 'venture:read' },
      { path: '/ventures/import', title: '主体导入', icon: Upload, perm: 'venture:write' }
    ]
  },
  {
    key: 'merchants',
    title: '楚商楚才',
    icon: Briefcase,
    perm: 'merchant:read',
    children: [
      { path: '/merchants', title: '楚商名录', icon: Notebook, perm: 'merchant:read' },
      { path: '/merchants/classification', title: '分类统计', icon: PieChart, perm: 'merchant:read' },
      { path: '/merchants/freshness', title: '动态更新', icon: Timer, perm: 'merchant:read' },
      { path: '/merchants/chambers', title: '商会', icon: Shop, perm: 'merchant:read' },
      { path: '/merchants/stations', title: '联络站点', icon: Location, perm: 'merchant:read' },
      { path: '/merchants/ambassadors', title: '招商大使', icon: Medal, perm: 'merchant:read' },
      { path: '/merchants/import', title: '名录导入', icon: Upload, perm: 'merchant:import' }
    ]
  },
  {
    key: 'projects',
    title: '招商项目',
    icon: Flag,
    perm: 'project:read',
    children: [
      { path: '/projects/board', title: '项目看板', icon: Grid, perm: 'project:read' },
      { path: '/projects', title: '项目列表', icon: List, perm: 'project:read' },
      { path: '/projects/appeals', title: '诉求办理', icon: ChatDotRound, perm: 'project:read' },
      { path: '/projects/approvals', title: '审批提速', icon: Stopwatch, perm: 'project:read' },
      { path: '/projects/offers', title: '招商项目清单', icon: Files, perm: 'project:read' }
    ]
  },
  {
    key: 'events',
    title: '活动',
    icon: Calendar,
    perm: 'event:read',
    children: [
      { path: '/events', title: '活动台账', icon: Tickets, perm: 'event:read' },
      { path: '/events/tally', title: '场次统计', icon: TrendCharts, perm: 'event:read' }
    ]
  },
  {
    key: 'loans',
    title: '贷款融资',
    icon: Money,
    perm: 'loan:read',
    children: [
      { path: '/loans', title: '担保贷款台账', icon: Wallet, perm: 'loan:read' },
      { path: '/loans/products', title: '贷款产品', icon: Goods, perm: 'loan:read' },
      { path: '/loans/financing', title: '融资需求', icon: Coin, perm: 'loan:read' }
    ]
  },
  {
    key: 'policies',
    title: '政策服务',
    icon: Medal,
    perm: 'policy:read',
    children: [
      { path: '/policies', title: '政策清单', icon: Notebook, perm: 'policy:read' },
      { path: '/policies/evaluate', title: '政策评估', icon: DataAnalysis, perm: 'policy:read' },
      { path: '/applications', title: '政策申请', icon: Tickets, perm: 'application:read' }
    ]
  },
  {
    key: 'tasks',
    title: '任务督办',
    icon: Checked,
    perm: ['task:read', 'report:read'],
    children: [
      { path: '/tasks', title: '任务清单', icon: List, perm: 'task:read' },
      { path: '/tasks/reports', title: '信息报送', icon: DocumentChecked, perm: 'report:read' }
    ]
  },
  {
    key: 'system',
    title: '系统管理',
    icon: Setting,
    children: [
      { path: '/system/users', title: '用户管理', icon: User, perm: 'user:read' },
      { path: '/system/roles', title: '角色管理', icon: Avatar, perm: 'role:read' },
      { path: '/system/departments', title: '部门管理', icon: OfficeBuilding, perm: 'department:read' }
    ]
  },
  { path: '/audit', title: '审计日志', icon: Document, perm: 'audit:read' }
]

export function visibleMenu() {
  const out = []
  for (const item of MENU) {
    if (item.children) {
      if (!hasPerm(item.perm)) continue
      const children = item.children.filter((c) => hasPerm(c.perm))
      if (children.length) out.push({ ...item, children })
    } else if (hasPerm(item.perm)) {
      out.push(item)
    }
  }
  return out
}
