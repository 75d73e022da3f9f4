// The smallest host page that shows the editor: what a host's bundler adds for Flowloom.
import '@flowloom/react/styles.css';
import { WorkflowEditor } from '@flowloom/react';
import { createRoot } from 'react-dom/client';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(<WorkflowEditor />);
