import {
  BaseWorkflowComponent,
  ComponentCategory,
  type CustomParameterIssue,
  type ExecutionContext,
  type ExecutionResult,
  ParameterType,
  type WorkflowComponentMetadataInput,
} from '@flowloom/core';
import type { Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { findAddressProblem } from './findAddressProblem';

/** The nodemailer transport an {@link EmailSenderComponent} sends through. */
export type EmailTransporter = Transporter<SMTPTransport.SentMessageInfo, SMTPTransport.Options>;

/** The error codes the component's `error` handle carries besides the engine's own. */
export const EmailErrorCode = {
  /** `to_email` is not one plain address. */
  INVALID_ADDRESS: 'INVALID_ADDRESS',
  /** The SMTP server could not be reached, refused the login, the sender or the recipient. */
  SMTP_ERROR: 'SMTP_ERROR',
} as const;

interface EmailParameters {
  to_email: string;
  subject: string;
  body: string;
}

/**
 * The seed's EmailSender ("1. Creating a New Workflow Component"): sends one plain-text email
 * through SMTP and follows `success` with `{ message_id, accepted, rejected }`, or `error` with
 * `{ code: 'INVALID_ADDRESS' | 'SMTP_ERROR', message }`.
 *
 * @remarks Abstract because it needs SMTP settings and the registry makes components with
 * `new Component()`: register the class `createEmailSenderComponent(settings)` returns, which
 * binds a transport to it.
 */
export abstract class EmailSenderComponent extends BaseWorkflowComponent {
  /** Where mail goes out; provided by `createEmailSenderComponent`. */
  protected abstract readonly transporter: EmailTransporter;

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

  /**
   * Flags a `to_email` that is clearly not an address. The registry calls it for final values
   * only, so `{{ input.to }}` passes at design time and is checked once resolved.
   */
  static validateParameters(values: Readonly<Record<string, unknown>>): CustomParameterIssue[] {
    if (values.to_email === undefined) return [];
    const problem = findAddressProblem(values.to_email);
    return problem ? [{ parameter: 'to_email', message: problem }] : [];
  }

  async execute(context: ExecutionContext): Promise<ExecutionResult> {
    const { to_email, subject, body } = context.input_data as unknown as EmailParameters;
    // The engine checks resolved values with validateParameters first; this guards direct calls.
    const problem = findAddressProblem(to_email);
    if (problem) {
      return { success: false, error: { code: EmailErrorCode.INVALID_ADDRESS, message: problem } };
    }
    try {
      const info = await this.transporter.sendMail({ to: to_email, subject, text: body });
      context.logger.info(`Sent "${subject}" to ${to_email}`, { message_id: info.messageId });
      return {
        success: true,
        output_data: {
          message_id: info.messageId,
          accepted: info.accepted.map(addressOf),
          rejected: info.rejected.map(addressOf),
        },
      };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { success: false, error: { code: EmailErrorCode.SMTP_ERROR, message } };
    }
  }
}

function addressOf(recipient: string | { address: string }): string {
  return typeof recipient === 'string' ? recipient : recipient.address;
}
