import type { Preview } from '@storybook/react-vite';
import { startMockApi } from './mockApi';
import '../src/styles/styles.css';

const preview: Preview = {
  loaders: [
    async () => {
      await startMockApi();
      return {};
    },
  ],
  parameters: {
    layout: 'fullscreen',
  },
};

export default preview;
