import { ComponentCategory, defineComponent } from '@flowloom/core';
import { render, screen, within } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createWorkflowClient } from '../client/createWorkflowClient';
import { createWorkflowHandlers } from '../testing/createWorkflowHandlers';
import { WorkflowEditor } from './WorkflowEditor';

const component = (type: string, name: string, icon: string) =>
  defineComponent({
    type,
    name,
    description: `${name} step`,
    category: ComponentCategory.INTEGRATIONS,
    icon,
    async execute() {
      return { success: true, output_data: {} };
    },
  });

const handlers = createWorkflowHandlers({
  components: [
    component('acme_send', 'Acme Send', 'AcmeLogo'),
    component('hosted', 'Hosted Icon', 'https://cdn.example.com/hosted.svg'),
    component('mail', 'Mail', 'EnvelopeIcon'),
  ],
});
const server = setupServer(...handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  handlers.reset();
});
afterAll(() => server.close());

const paletteEntry = async (name: string) =>
  (
    await within(screen.getByRole('complementary', { name: 'Components' })).findByText(name)
  ).closest<HTMLElement>('[role="button"]')!;

describe('WorkflowEditor icons', () => {
  it("draws a server component's icon from the icons prop, an image URL and a built-in name", async () => {
    render(
      <WorkflowEditor
        client={createWorkflowClient()}
        icons={{ AcmeLogo: <svg data-testid="acme-logo" /> }}
      />,
    );
    expect(within(await paletteEntry('Acme Send')).getByTestId('acme-logo')).toBeInTheDocument();
    expect((await paletteEntry('Hosted Icon')).querySelector('img')).toHaveAttribute(
      'src',
      'https://cdn.example.com/hosted.svg',
    );
    expect(
      (await paletteEntry('Mail')).querySelector('svg[data-icon="EnvelopeIcon"]'),
    ).not.toBeNull();
  });
});
