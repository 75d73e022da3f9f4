// The seed's integration test ("Integration Testing" in the guide), body as written: only the
// imports differ, and MSW serves the API from the testing kit's handlers.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { handlers } from '../testing';
import { EnhancedWorkflowEditor } from './EnhancedWorkflowEditor';

const server = setupServer(...handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

test('should save workflow successfully', async () => {
  render(<EnhancedWorkflowEditor />);

  // Add some nodes
  const sidebar = screen.getByText('Manual Trigger');
  fireEvent.dragStart(sidebar);

  const canvas = screen.getByTestId('workflow-canvas');
  fireEvent.drop(canvas);

  // Save workflow
  const saveButton = screen.getByText('Save');
  fireEvent.click(saveButton);

  await waitFor(() => {
    expect(screen.getByText('Workflow saved successfully!')).toBeInTheDocument();
  });
});
