import { describe, expect, it } from 'vitest';
import { ComponentCategory } from '../schema/componentCategory';
import type { WorkflowComponentMetadataInput } from '../schema/componentMetadata';
import type { ExecutionContext } from '../schema/executionContext';
import type { ExecutionResult } from '../schema/executionResult';
import { ParameterType } from '../schema/parameterType';
import { createTestContext } from '../testing/createTestContext';
import { BaseWorkflowComponent } from './BaseWorkflowComponent';
import { ComponentRegistry } from './ComponentRegistry';

/** The seed guide's EmailSender example ("1. Creating a New Workflow Component"), in TypeScript. */
class EmailSenderComponent extends BaseWorkflowComponent {
  static getMetadata(): WorkflowComponentMetadataInput {
    return {
      type: 'email_sender',
      name: 'Email Sender',
      description: 'Send emails with templates',
      category: ComponentCategory.OUTPUT_ACTIONS,
      icon: 'EnvelopeIcon',
      color: 'from-purple-500 via-purple-600 to-indigo-600',
      parameters: [
        {
          name: 'to_email',
          label: 'To Email',
          type: ParameterType.STRING,
          required: true,
          description: 'Recipient email address',
        },
        {
          name: 'subject',
          label: 'Subject',
          type: ParameterType.STRING,
          required: true,
          description: 'Email subject line',
        },
        {
          name: 'body',
          label: 'Email Body',
          type: ParameterType.TEXTAREA,
          required: true,
          description: 'Email content',
        },
      ],
      input_handles: [{ id: 'input', type: 'target', position: 'left', label: 'Input' }],
      output_handles: [
        { id: 'success', type: 'source', position: 'right', label: 'Success' },
        { id: 'error', type: 'source', position: 'bottom', label: 'Error' },
      ],
    };
  }

  async execute(context: ExecutionContext): Promise<ExecutionResult> {
    // The seed leaves the implementation out; this one reports what it would send.
    const { to_email, subject } = context.input_data;
    return { success: true, output_data: { sent: true, to_email, subject } };
  }
}

describe('EmailSenderComponent (the seed example)', () => {
  const registry = new ComponentRegistry();
  registry.registerComponent(EmailSenderComponent);
  const metadata = registry.getComponent('email_sender');

  it('is registered under its type', () => {
    expect(registry.hasComponent('email_sender')).toBe(true);
    expect(registry.getAllComponents().map((component) => component.type)).toEqual([
      'email_sender',
    ]);
  });

  it('reads back type, name, description and category', () => {
    expect(metadata?.type).toBe('email_sender');
    expect(metadata?.name).toBe('Email Sender');
    expect(metadata?.description).toBe('Send emails with templates');
    expect(metadata?.category).toBe('output_actions');
  });

  it('reads back icon and color', () => {
    expect(metadata?.icon).toBe('EnvelopeIcon');
    expect(metadata?.color).toBe('from-purple-500 via-purple-600 to-indigo-600');
  });

  it('gets the default version', () => {
    expect(metadata?.version).toBe('1.0.0');
  });

  it('reads back the three required parameters in order', () => {
    expect(metadata?.parameters).toEqual([
      {
        name: 'to_email',
        label: 'To Email',
        type: 'string',
        required: true,
        description: 'Recipient email address',
      },
      {
        name: 'subject',
        label: 'Subject',
        type: 'string',
        required: true,
        description: 'Email subject line',
      },
      {
        name: 'body',
        label: 'Email Body',
        type: 'textarea',
        required: true,
        description: 'Email content',
      },
    ]);
  });

  it('reads back the input handle', () => {
    expect(metadata?.input_handles).toEqual([
      { id: 'input', type: 'target', position: 'left', label: 'Input' },
    ]);
  });

  it('reads back the success and error output handles', () => {
    expect(metadata?.output_handles).toEqual([
      { id: 'success', type: 'source', position: 'right', label: 'Success' },
      { id: 'error', type: 'source', position: 'bottom', label: 'Error' },
    ]);
  });

  it('is listed under output actions', () => {
    expect(registry.getComponentsByCategory().output_actions.map((c) => c.type)).toEqual([
      'email_sender',
    ]);
  });

  it('follows `success` on success and `error` on failure', () => {
    const component = registry.resolve('email_sender');
    expect(component.successHandles).toEqual(['success']);
    expect(component.errorHandle).toBe('error');
  });

  it('reports every missing required parameter', () => {
    expect(registry.validateParameters('email_sender', {})).toEqual([
      {
        parameter: 'to_email',
        code: 'MISSING_REQUIRED_PARAMETER',
        message: 'To Email is required',
      },
      { parameter: 'subject', code: 'MISSING_REQUIRED_PARAMETER', message: 'Subject is required' },
      { parameter: 'body', code: 'MISSING_REQUIRED_PARAMETER', message: 'Email Body is required' },
    ]);
  });

  it('executes through the registry', async () => {
    const result = await registry.resolve('email_sender').execute(
      createTestContext({
        input_data: { to_email: 'a@example.com', subject: 'Hi', body: 'Hello' },
      }),
    );
    expect(result).toEqual({
      success: true,
      output_data: { sent: true, to_email: 'a@example.com', subject: 'Hi' },
    });
  });
});
