import { describe, expect, it } from 'vitest';
import { ComponentParameterSchema } from '../schema/componentParameter';
import { compileParameters } from './compileParameters';

const parameters = [
  { name: 'url', label: 'URL', type: 'string', required: true },
  { name: 'method', label: 'Method', type: 'select', options: ['GET', 'POST'], default: 'GET' },
  { name: 'retries', label: 'Retries', type: 'number', default: 0 },
  { name: 'verbose', label: 'Verbose', type: 'boolean', default: false },
].map((parameter) => ComponentParameterSchema.parse(parameter));

describe('compileParameters', () => {
  const compiled = compileParameters(parameters);

  it('indexes the declarations by name', () => {
    expect([...compiled.byName.keys()]).toEqual(['url', 'method', 'retries', 'verbose']);
    expect(compiled.byName.get('method')?.type).toBe('select');
  });

  it('collects the defaults of the parameters that declare one', () => {
    expect(compiled.defaults).toEqual({ method: 'GET', retries: 0, verbose: false });
  });

  it('fills in defaults for missing values', () => {
    expect(compiled.withDefaults({ url: 'https://x' })).toEqual({
      url: 'https://x',
      method: 'GET',
      retries: 0,
      verbose: false,
    });
  });

  it('keeps given values over defaults, falsy ones included', () => {
    expect(compiled.withDefaults({ method: 'POST', retries: 0, verbose: true })).toMatchObject({
      method: 'POST',
      retries: 0,
      verbose: true,
    });
    expect(compiled.withDefaults({ retries: 3 }).retries).toBe(3);
  });

  it('replaces empty strings and null with the default', () => {
    expect(compiled.withDefaults({ method: '', retries: null })).toMatchObject({
      method: 'GET',
      retries: 0,
    });
  });

  it('keeps an empty value when the parameter has no default', () => {
    expect(compiled.withDefaults({ url: '' }).url).toBe('');
  });

  it('keeps values of undeclared parameters', () => {
    expect(compiled.withDefaults({ extra: 1 }).extra).toBe(1);
  });

  it('does not change the values it is given', () => {
    const values = { url: 'u' };
    compiled.withDefaults(values);
    expect(values).toEqual({ url: 'u' });
  });

  it('keeps an empty value of a parameter named like an Object.prototype member', () => {
    const reserved = compileParameters([
      ComponentParameterSchema.parse({ name: 'constructor', label: 'C', type: 'string' }),
    ]);
    expect(reserved.withDefaults({ constructor: '' })).toEqual({ constructor: '' });
  });

  it('validates values against every declaration', () => {
    expect(compiled.validate({ url: 'u', method: 'PUT' }).map((issue) => issue.parameter)).toEqual([
      'method',
    ]);
  });

  it('reports a literal string in a secret parameter as SECRET_NOT_A_CREDENTIAL', () => {
    const withSecret = compileParameters([
      ComponentParameterSchema.parse({
        name: 'password',
        label: 'Password',
        type: 'secret',
        credential_type: 'smtp',
      }),
    ]);
    expect(withSecret.validate({ password: 'hunter2' })).toEqual([
      {
        parameter: 'password',
        code: 'SECRET_NOT_A_CREDENTIAL',
        message: expect.stringMatching(/^Password .*store it as a credential/),
      },
    ]);
    expect(withSecret.validate({ password: { credential_id: 'cred_1' } })).toEqual([]);
    expect(withSecret.validate({ password: 42 })).toMatchObject([
      { parameter: 'password', code: 'INVALID_PARAMETER_TYPE' },
    ]);
  });
});
