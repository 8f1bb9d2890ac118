import { createApp } from 'vue'
import ElementPlus from 'element-plus'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import 'element-plus/dist/index.css'
import './style.css'
import App from './App.vue'
import { router } from './router.js'
import { setUnauthorizedHandler } from './api.js'
import { clearSession } from './session.js'

// A call that answers 401 means the session ended: back to the login page.
setUnauthorizedHandler(() => {
  clearSession()
  const current = router.currentRoute.value
  if (current.name !== 'login') {
    router.replace({ name: 'login', query: current.fullPath !== '/' ? { redirect: current.fullPath } : {} })
  }
})

createApp(App).use(ElementPlus, { locale: zhCn }).use(router).mount('#app')
