import { createApp } from 'vue'
import { createPinia } from 'pinia'
import 'element-plus/dist/index.css'
import './styles.css'
import App from './App.vue'
import { loadConfig } from './config'
import { createAppRouter } from './router'
import { initServices } from './services'
import { useSessionStore } from './stores/session'

async function start() {
  const config = await loadConfig()
  const app = createApp(App)
  const pinia = createPinia()
  app.use(pinia)
  const router = createAppRouter()
  initServices(config, () => {
    // The session is gone (refused token, refresh refused): back to sign-in, then where the user was.
    useSessionStore(pinia).me = null
    const here = router.currentRoute.value
    if (here.name !== 'login') void router.push({ name: 'login', query: { redirect: here.fullPath, reason: 'expired' } })
  })
  app.use(router)
  app.mount('#app')
}

void start()
