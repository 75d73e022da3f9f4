import { describe, expect, it } from 'vitest';
import { ComponentParameterSchema, ParameterOptionSchema } from './componentParameter';
import { ParameterType } from './parameterType';

function issuesOf(input: unknown): Array<{ path: string; message: string }> {
  const result = ComponentParameterSchema.safeParse(input);
  return (result.error?.issues ?? []).map((issue) => ({
    path: issue.path.join('.'),
    message: issue.message,
  }));
}

describe('ParameterOptionSchema', () => {
  it('turns a bare string into { value, label }', () => {
    expect(ParameterOptionSchema.parse('GET')).toEqual({ value: 'GET', label: 'GET' });
  });

  it('turns a bare number into { value, label } with the number as label text', () => {
    expect(ParameterOptionSchema.parse(3)).toEqual({ value: 3, label: '3' });
  });

  it('keeps the label of an object option', () => {
    expect(ParameterOptionSchema.parse({ value: 'a', label: 'Alpha' })).toEqual({
      value: 'a',
      label: 'Alpha',
    });
  });

  it('labels an object option without a label by its value', () => {
    expect(ParameterOptionSchema.parse({ value: 'a' })).toEqual({ value: 'a', label: 'a' });
  });

  it('rejects a boolean option', () => {
    expect(ParameterOptionSchema.safeParse(true).success).toBe(false);
  });
});

describe('ComponentParameterSchema', () => {
  it('applies required: false by default', () => {
    const parameter = ComponentParameterSchema.parse({
      name: 'url',
      label: 'URL',
      type: ParameterType.STRING,
    });
    expect(parameter).toEqual({ name: 'url', label: 'URL', type: 'string', required: false });
  });

  it('keeps description, default, placeholder, bounds and integer', () => {
    const parameter = ComponentParameterSchema.parse({
      name: 'count',
      label: 'Count',
      type: 'number',
      required: true,
      description: 'How many',
      default: 3,
      placeholder: 'e.g. 3',
      min: 1,
      max: 10,
      integer: true,
    });
    expect(parameter).toEqual({
      name: 'count',
      label: 'Count',
      type: 'number',
      required: true,
      description: 'How many',
      default: 3,
      placeholder: 'e.g. 3',
      min: 1,
      max: 10,
      integer: true,
    });
  });

  it('normalises select options', () => {
    const parameter = ComponentParameterSchema.parse({
      name: 'method',
      label: 'Method',
      type: 'select',
      options: ['GET', { value: 'POST', label: 'Post' }],
    });
    expect(parameter.options).toEqual([
      { value: 'GET', label: 'GET' },
      { value: 'POST', label: 'Post' },
    ]);
  });

  it('accepts every ParameterType', () => {
    for (const type of Object.values(ParameterType)) {
      const options = type === 'select' ? ['a'] : undefined;
      const result = ComponentParameterSchema.safeParse({ name: 'p', label: 'P', type, options });
      expect(result.success, type).toBe(true);
    }
  });

  it('rejects an unknown type', () => {
    expect(issuesOf({ name: 'p', label: 'P', type: 'date' }).map((issue) => issue.path)).toEqual([
      'type',
    ]);
  });

  it('rejects a name that is not an identifier', () => {
    expect(issuesOf({ name: 'to-email', label: 'To', type: 'string' })).toEqual([
      { path: 'name', message: 'Parameter name must be an identifier (letters, digits, _)' },
    ]);
  });

  it('rejects the name __proto__', () => {
    expect(issuesOf({ name: '__proto__', label: 'P', type: 'string' })).toEqual([
      { path: 'name', message: 'Parameter name "__proto__" is reserved' },
    ]);
  });

  it('rejects an empty label', () => {
    expect(issuesOf({ name: 'p', label: '', type: 'string' }).map((issue) => issue.path)).toEqual([
      'label',
    ]);
  });

  it('rejects a select without options', () => {
    expect(issuesOf({ name: 'mode', label: 'Mode', type: 'select' })).toEqual([
      { path: 'options', message: 'Select parameter "mode" needs at least one option' },
    ]);
  });

  it('rejects a select with an empty options list', () => {
    expect(issuesOf({ name: 'mode', label: 'Mode', type: 'select', options: [] })).toEqual([
      { path: 'options', message: 'Select parameter "mode" needs at least one option' },
    ]);
  });

  it('rejects min greater than max', () => {
    expect(issuesOf({ name: 'n', label: 'N', type: 'number', min: 5, max: 1 })).toEqual([
      { path: 'min', message: 'Parameter "n" has min greater than max' },
    ]);
  });

  it('accepts min equal to max', () => {
    expect(issuesOf({ name: 'n', label: 'N', type: 'number', min: 2, max: 2 })).toEqual([]);
  });

  it('rejects a default of the wrong type', () => {
    expect(issuesOf({ name: 'n', label: 'N', type: 'number', default: '5' })).toEqual([
      { path: 'default', message: 'Default of "n" must be a number, got a string' },
    ]);
  });

  it('rejects a default outside the bounds', () => {
    expect(issuesOf({ name: 'n', label: 'N', type: 'number', max: 10, default: 11 })).toEqual([
      { path: 'default', message: 'Default of "n" must be at most 10' },
    ]);
  });

  it('rejects a select default that is not an option', () => {
    expect(
      issuesOf({ name: 'm', label: 'M', type: 'select', options: ['a', 'b'], default: 'c' }),
    ).toEqual([{ path: 'default', message: 'Default of "m" must be one of "a", "b", got "c"' }]);
  });

  it('accepts a select default that is an option', () => {
    expect(
      issuesOf({
        name: 'm',
        label: 'M',
        type: 'select',
        options: ['a', { value: 'b' }],
        default: 'b',
      }),
    ).toEqual([]);
  });

  it('reports min > max and a bad default together', () => {
    expect(
      issuesOf({ name: 'n', label: 'N', type: 'number', min: 5, max: 1, default: true }).map(
        (issue) => issue.path,
      ),
    ).toEqual(['min', 'default']);
  });

  it('keeps the credential_type of a secret parameter', () => {
    const parsed = ComponentParameterSchema.parse({
      name: 'password',
      label: 'Password',
      type: 'secret',
      credential_type: 'smtp',
    });
    expect(parsed.credential_type).toBe('smtp');
  });

  it('rejects a credential_type on a parameter that is not a secret', () => {
    expect(
      issuesOf({ name: 'host', label: 'Host', type: 'string', credential_type: 'smtp' }),
    ).toEqual([
      {
        path: 'credential_type',
        message:
          'Parameter "host" is not a secret: credential_type applies to secret parameters only',
      },
    ]);
  });

  it('rejects a literal default of a secret parameter', () => {
    expect(issuesOf({ name: 'token', label: 'Token', type: 'secret', default: 'hunter2' })).toEqual(
      [{ path: 'default', message: expect.stringContaining('store it as a credential') }],
    );
  });
});
