import { describe, expect, it } from 'vitest';
import {
  SECRET_PASSWORD,
  SMTP_CREDENTIAL,
  TEST_CREDENTIALS_KEY,
} from '../http/credentialTestKit.test-helpers';
import type { ConformanceContext } from './conformance.test-helpers';
import { call } from './conformanceClient.test-helpers';

/** The credential routes through the adapter: PUT and DELETE bodies, a 204 with no body. */
export function describeCredentialRoutes({ launch }: ConformanceContext): void {
  describe('credential routes', () => {
    it('creates, lists, updates and deletes a credential, never answering its data', async () => {
      const { api } = await launch({ credentialsKey: TEST_CREDENTIALS_KEY });
      const created = await call('POST', `${api}/credentials`, { json: SMTP_CREDENTIAL });
      expect(created.status).toBe(201);
      const path = `${api}/credentials/${created.body.credential_id}`;
      const updated = await call('PUT', path, { json: { name: 'Renamed' } });
      expect(updated.status).toBe(200);
      expect(updated.body.name).toBe('Renamed');
      const listed = await call('GET', `${api}/credentials?type=smtp`);
      expect(listed.body.total).toBe(1);
      const deleted = await call('DELETE', path);
      expect(deleted.status).toBe(204);
      expect(deleted.text).toBe('');
      expect((await call('GET', path)).status).toBe(404);
      for (const answer of [created, updated, listed, deleted]) {
        expect(answer.text).not.toContain(SECRET_PASSWORD);
      }
    });

    it('answers 501 without a credentialsKey', async () => {
      const { api } = await launch();
      const answer = await call('POST', `${api}/credentials`, { json: SMTP_CREDENTIAL });
      expect(answer.status).toBe(501);
      expect(answer.body.error.code).toBe('NOT_CONFIGURED');
    });
  });
}
