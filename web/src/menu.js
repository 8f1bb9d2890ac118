// The side menu. Items carry the permission they need; the layout shows only what the
// account holds, and a group only when one of its items remains.
import { HomeFilled, MapLocation, Setting, User, Avatar, OfficeBuilding, Document } from '@element-plus/icons-vue'
import { hasPerm } from './session.js'

export const MENU = [
  { path: '/', title: '首页', icon: HomeFilled },
  { path: '/regions', title: '行政区划', icon: MapLocation },
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
      const children = item.children.filter((c) => hasPerm(c.perm))
      if (children.length) out.push({ ...item, children })
    } else if (hasPerm(item.perm)) {
      out.push(item)
    }
  }
  return out
}
