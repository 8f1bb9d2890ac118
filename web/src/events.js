// Events 活动: their vocabulary (GET /events/vocabulary), loaded once and shared by the pages, and
// how statuses are coloured.
import { reactive } from 'vue'
import { api } from './api.js'

export const eventVocabulary = reactive({
  loaded: false,
  types: [],
  levels: [],
  festivals: [],
  statuses: [],
  minimums: { city: 4, county: 6, township: null }
})

let pending = null

// Loads the vocabulary once (its lists are fixed by the server); resolves to the object above.
export function loadEventVocabulary() {
  if (!pending) {
    pending = api
      .eventVocabulary()
      .then((v) => Object.assign(eventVocabulary, v, { loaded: true }))
      .catch((e) => {
        pending = null
        throw e
      })
  }
  return pending
}

// The tag colour of an event's status.
export function eventStatusTag(status) {
  return status === 'held' ? 'success' : status === 'planned' ? 'primary' : 'info'
}

// The label of a festival key, or "—".
export function festivalText(key) {
  if (!key) return '—'
  return eventVocabulary.festivals.find((f) => f.key === key)?.label || key
}
