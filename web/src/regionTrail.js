// The trail of regions a drill-down page stands on (the account's region … the one shown), started
// from ?region=CODE when that lies below the account's region, and kept in the URL.
import { computed, ref } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { session } from './session.js'
import { regionDetail } from './regions.js'

// onChange() runs after every move; returns {trail, current, start, drill, goTo}.
export function useRegionTrail(onChange) {
  const route = useRoute()
  const router = useRouter()
  const trail = ref([])
  const current = computed(() => trail.value[trail.value.length - 1] || null)

  function syncUrl() {
    const code = current.value?.code
    const own = session.me?.region?.code
    router.replace({ query: { ...route.query, region: code && code !== own ? code : undefined } }).catch(() => {})
  }
  function drill(region) {
    trail.value = [...trail.value, { code: region.code, name: region.name }]
    syncUrl()
    onChange()
  }
  function goTo(i) {
    trail.value = trail.value.slice(0, i + 1)
    syncUrl()
    onChange()
  }
  async function start() {
    const me = session.me
    const own = { code: me?.region?.code, name: me?.region?.name }
    trail.value = [own]
    const wanted = route.query.region
    if (typeof wanted === 'string' && wanted && wanted !== own.code) {
      try {
        const d = await regionDetail(wanted)
        const path = d.path || []
        const i = path.findIndex((p) => p.code === own.code)
        if (i >= 0) trail.value = path.slice(i).map((p) => ({ code: p.code, name: p.name }))
      } catch (e) {
        // unknown or out of scope: stay at the account's region
      }
    }
    onChange()
  }
  return { trail, current, start, drill, goTo }
}
