// Ventures 返乡创业经营主体: their vocabulary (GET /ventures/vocabulary), loaded once and shared by
// every page, and how statuses are coloured.
import { reactive } from 'vue'
import { api } from './api.js'

export const ventureVocabulary = reactive({ loaded: false, types: [], statuses: [] })

let pending = null

// Loads the vocabulary once (its lists are fixed by the server); resolves to the object above.
export function loadVentureVocabulary() {
  if (!pending) {
    pending = api
      .ventureVocabulary()
      .then((v) => {
        Object.assign(ventureVocabulary, v, { loaded: true })
        return ventureVocabulary
      })
      .catch((e) => {
        pending = null
        throw e
      })
  }
  return pending
}

// The tag colour of an operating status.
export function ventureStatusTag(status) {
  return status === 'operating' ? 'success' : status === 'suspended' ? 'warning' : 'info'
}
