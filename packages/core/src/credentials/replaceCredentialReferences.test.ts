import { describe, expect, it } from 'vitest';
import { builtinComponents } from '../components/builtinComponents';
import { validateWorkflow } from '../graph/validateWorkflow';
import { ComponentRegistry } from '../registry/ComponentRegistry';
import { defineComponent } from '../registry/defineComponent';
import { type WorkflowData, WorkflowDataSchema } from '../schema/workflowData';
import { replaceCredentialReferences } from './replaceCredentialReferences';

const EmailSender = defineComponent({
  type: 'email_sender',
  name: 'Email',
  category: 'integrations',
  parameters: [
    { name: 'smtp', label: 'SMTP server', type: 'secret', credential_type: 'smtp' },
    { name: 'note', label: 'Note', type: 'json' },
  ],
  execute: async () => ({ success: true, output_data: {} }),
});

const registry = new ComponentRegistry({ components: [...builtinComponents, EmailSender] });

/** Trigger → email (a typed credential) → HTTP request (an untyped one). */
function workflow(): WorkflowData {
  return WorkflowDataSchema.parse({
    nodes: [
      { id: 'start', type: 'manual_trigger' },
      {
        id: 'mail',
        type: 'email_sender',
        data: {
          parameters: {
            smtp: { credential_id: 'cred_1', field: 'password' },
            // Not a secret parameter: left as it is, even though it looks like a reference.
            note: { credential_id: 'cred_1' },
          },
        },
      },
      {
        id: 'call',
        type: 'http_request',
        data: {
          parameters: {
            url: 'https://example.com',
            auth: 'bearer',
            credential: { credential_id: 'cred_2' },
          },
        },
      },
      { id: 'alien', type: 'not_registered', data: { parameters: { x: { credential_id: 'c' } } } },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'mail' },
      { id: 'e2', source: 'mail', target: 'call' },
    ],
  });
}

describe('replaceCredentialReferences', () => {
  it("replaces each secret parameter's reference by its credential type", () => {
    const replaced = replaceCredentialReferences(workflow(), registry);
    const parameters = (id: string) =>
      replaced.nodes.find((node) => node.id === id)!.data.parameters;
    expect(parameters('mail')).toEqual({
      smtp: { credential_type: 'smtp' },
      note: { credential_id: 'cred_1' },
    });
    expect(parameters('call')).toMatchObject({ credential: { credential_type: null } });
    expect(JSON.stringify(replaced)).not.toContain('cred_2');
  });

  it('leaves unknown component types and the original document alone', () => {
    const original = workflow();
    const before = structuredClone(original);
    const replaced = replaceCredentialReferences(original, registry);
    expect(original).toEqual(before);
    expect(replaced.nodes.find((node) => node.id === 'alien')).toEqual(
      original.nodes.find((node) => node.id === 'alien'),
    );
  });

  it('replaces a literal secret a draft holds in plain text', () => {
    const draft = workflow();
    draft.nodes.find((node) => node.id === 'call')!.data.parameters.credential =
      'sk_live_SUPERSECRET';
    draft.nodes.find((node) => node.id === 'mail')!.data.parameters.smtp = { password: 'hunter2' };
    const replaced = replaceCredentialReferences(draft, registry);
    expect(replaced.nodes.find((node) => node.id === 'call')!.data.parameters.credential).toEqual({
      credential_type: null,
    });
    expect(replaced.nodes.find((node) => node.id === 'mail')!.data.parameters.smtp).toEqual({
      credential_type: 'smtp',
    });
    expect(JSON.stringify(replaced)).not.toMatch(/SUPERSECRET|hunter2/);
  });

  it('replaces an expression in a secret parameter, which may embed a secret', () => {
    const draft = workflow();
    draft.nodes.find((node) => node.id === 'call')!.data.parameters.credential =
      'sk_live_{{ vars.suffix }}';
    const replaced = replaceCredentialReferences(draft, registry);
    expect(replaced.nodes.find((node) => node.id === 'call')!.data.parameters.credential).toEqual({
      credential_type: null,
    });
  });

  it('keeps placeholders and empty values as they are', () => {
    const draft = workflow();
    draft.nodes.find((node) => node.id === 'mail')!.data.parameters.smtp = {
      credential_type: 'other',
    };
    draft.nodes.find((node) => node.id === 'call')!.data.parameters.credential = '';
    const replaced = replaceCredentialReferences(draft, registry);
    expect(replaced.nodes.find((node) => node.id === 'mail')!.data.parameters.smtp).toEqual({
      credential_type: 'other',
    });
    expect(replaced.nodes.find((node) => node.id === 'call')!.data.parameters.credential).toBe('');
  });

  it('returns the document itself when it refers to no credential', () => {
    const plain = WorkflowDataSchema.parse({ nodes: [{ id: 'start', type: 'manual_trigger' }] });
    expect(replaceCredentialReferences(plain, registry)).toBe(plain);
  });

  it('leaves placeholders that validation reports as MISSING_CREDENTIAL, one per step', () => {
    const replaced = replaceCredentialReferences(workflow(), registry);
    const { errors } = validateWorkflow(replaced, registry);
    expect(errors.filter((issue) => issue.code === 'MISSING_CREDENTIAL')).toEqual([
      {
        code: 'MISSING_CREDENTIAL',
        severity: 'error',
        node_id: 'mail',
        field: 'smtp',
        message: 'SMTP server needs a "smtp" credential: pick one',
      },
      {
        code: 'MISSING_CREDENTIAL',
        severity: 'error',
        node_id: 'call',
        field: 'credential',
        message: 'Credential needs a credential: pick one',
      },
    ]);
  });
});
