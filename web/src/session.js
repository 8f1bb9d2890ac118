// The signed-in account (GET /api/v1/auth/me), shared by the whole console.
import { reactive } from 'vue'
import { api } from './api.js'

export const session = reactive({
  me: null
})

export async function loadMe() {
  session.me = await api.me()
  return session.me
}

export function setMe(me) {
  session.me = me
}

export function clearSession() {
  session.me = null
}

// True when the account holds `key`; an array of keys asks for any one of them.
export function hasPerm(key) {
  if (!key || (Array.isArray(key) && !key.length)) return true
  const perms = session.me?.permissions || []
  return Array.isArray(key) ? key.some((k) => perms.includes(k)) : perms.includes(key)
}
