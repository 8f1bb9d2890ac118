import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// The console is served by the C++ server from web/dist (`guiyan serve --web web/dist`).
// During development `npm run dev` proxies the API to a local server (GUIYAN_API overrides it).
export default defineConfig({
  base: '/',
  plugins: [vue()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        manualChunks: {
          'element-plus': ['element-plus', '@element-plus/icons-vue'],
          vue: ['vue', 'vue-router']
        }
      }
    }
  },
  server: {
    proxy: {
      '/api': process.env.GUIYAN_API || 'http://127.0.0.1:8080'
    }
  }
})
