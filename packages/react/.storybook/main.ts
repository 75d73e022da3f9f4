import type { StorybookConfig } from '@storybook/react-vite';
import react from '@vitejs/plugin-react';

// The build must not reach the network: no telemetry, no update checks.
process.env.STORYBOOK_DISABLE_TELEMETRY = '1';

/** Storybook for @flowloom/react: React + Vite, the API faked by MSW (see preview.tsx). */
const config: StorybookConfig = {
  stories: ['../src/**/*.stories.@(ts|tsx)'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // mockServiceWorker.js (from `npx msw init .storybook/public`) is served at the root.
  staticDirs: ['./public'],
  // No docs addon is installed, so prop tables would be computed for nothing.
  typescript: { reactDocgen: false },
  async viteFinal(viteConfig) {
    // Storybook's React framework leaves JSX to the host's Vite config, and this package has none.
    viteConfig.plugins = [...(viteConfig.plugins ?? []), react()];
    return viteConfig;
  },
};

export default config;
