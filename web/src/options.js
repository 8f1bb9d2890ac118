// Choice lists used by several forms, loaded only when the account may read them.
import { ref } from 'vue'
import { api } from './api.js'
import { hasPerm } from './session.js'

// The built-in roles of docs/api.md, offered when the account may grant roles but not read them.
const BUILTIN_ROLES = [
  { key: 'sysadmin', name: '系统管理员' },
  { key: 'secadmin', name: '安全管理员' },
  { key: 'auditor', name: '审计管理员' },
  { key: 'leader', name: '领导' },
  { key: 'clerk', name: '业务经办' }
]

export function useDepartments() {
  const departments = ref([])
  const canRead = hasPerm('department:read')
  async function reload() {
    if (!canRead) return
    const res = await api.departments({ limit: 500 })
    departments.value = res.items || []
  }
  reload().catch(() => {})
  return { departments, canReadDepartments: canRead, reloadDepartments: reload }
}

export function useRoles() {
  const roles = ref(hasPerm('role:read') ? [] : BUILTIN_ROLES)
  async function reload() {
    if (!hasPerm('role:read')) return
    const res = await api.roles()
    roles.value = res.items || []
  }
  reload().catch(() => {})
  return { roles, reloadRoles: reload }
}
