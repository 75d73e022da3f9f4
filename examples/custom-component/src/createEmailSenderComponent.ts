import type { ComponentClass } from '@flowloom/core';
import { createTransport } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { EmailSenderComponent, type EmailTransporter } from './EmailSenderComponent';

/** The host's SMTP settings for {@link createEmailSenderComponent}. */
export interface EmailSenderSettings {
  /** nodemailer's SMTP options (`host`, `port`, `secure`, `auth`, `tls`, ...) or an `smtp://` URL. */
  smtp: SMTPTransport.Options | string;
  /** The From address of every message, e.g. `'Flowloom <flowloom@example.com>'`. */
  from: string;
}

/** A component class bound to one SMTP transport, ready for `registerComponent`. */
export type ConfiguredEmailSender = ComponentClass & {
  /** The transport it sends through: `verify()` checks the settings, `close()` ends a pool. */
  readonly transporter: EmailTransporter;
};

/**
 * An {@link EmailSenderComponent} class bound to the host's SMTP settings.
 *
 * @example
 * componentRegistry.registerComponent(
 *   createEmailSenderComponent({ smtp: { host: 'smtp.example.com', port: 587 }, from: 'bot@example.com' }),
 * );
 *
 * @remarks A factory rather than a static `configure()`: the registry makes components with
 * `new Component()`, so the settings must live on the class, and a class per call keeps two
 * registries (or two tests) on two SMTP servers from sharing a global setting.
 */
export function createEmailSenderComponent(settings: EmailSenderSettings): ConfiguredEmailSender {
  const transporter: EmailTransporter = createTransport(settings.smtp, { from: settings.from });
  return class ConfiguredEmailSenderComponent extends EmailSenderComponent {
    static readonly transporter = transporter;
    protected readonly transporter = transporter;
  };
}
