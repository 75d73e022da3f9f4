import type { EmailSenderSettings } from './createEmailSenderComponent';

/**
 * SMTP settings from the environment: `SMTP_HOST` (default `localhost`), `SMTP_PORT` (default
 * 1025, the port of local catch-all servers such as Mailpit), `SMTP_SECURE=true` for implicit
 * TLS (port 465), `SMTP_USER` + `SMTP_PASS` when the server wants a login, and `SMTP_FROM`
 * (default `flowloom@localhost`).
 */
export function smtpSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): EmailSenderSettings {
  const user = env.SMTP_USER;
  return {
    smtp: {
      host: env.SMTP_HOST ?? 'localhost',
      port: Number(env.SMTP_PORT ?? 1025),
      secure: env.SMTP_SECURE === 'true',
      ...(user ? { auth: { user, pass: env.SMTP_PASS ?? '' } } : {}),
    },
    from: env.SMTP_FROM ?? 'flowloom@localhost',
  };
}
