/** A fixed credentials key for tests (32 bytes, base64): never use a fixed key in a server. */
export const TEST_CREDENTIALS_KEY = Buffer.alloc(32, 7).toString('base64');

/** A second key, for rotation tests. */
export const OTHER_CREDENTIALS_KEY = Buffer.alloc(32, 9).toString('base64');

/** The secret value tests look for in every answer and stored byte: it must never appear. */
export const SECRET_PASSWORD = 'hunter2-s3cr3t-9f4e1c';

/** A `POST /credentials` body holding {@link SECRET_PASSWORD}. */
export const SMTP_CREDENTIAL = {
  name: 'Mail server',
  type: 'smtp',
  data: { username: 'ada@example.com', password: SECRET_PASSWORD },
};
