import { describe, expectTypeOf, it } from 'vitest';
import { ComponentCategory } from '../schema/componentCategory';
import { ParameterType } from '../schema/parameterType';
import { ComponentRegistry } from './ComponentRegistry';
import { defineComponent } from './defineComponent';

describe('defineComponent', () => {
  it('infers input_data from the declared parameters', () => {
    defineComponent({
      type: 'typed',
      name: 'Typed',
      category: ComponentCategory.UTILITIES,
      parameters: [
        { name: 'url', label: 'URL', type: ParameterType.STRING, required: true },
        { name: 'note', label: 'Note', type: 'textarea', required: true },
        { name: 'token', label: 'Token', type: 'secret', required: true },
        { name: 'count', label: 'Count', type: ParameterType.NUMBER },
        { name: 'enabled', label: 'Enabled', type: ParameterType.BOOLEAN, default: false },
        {
          name: 'mode',
          label: 'Mode',
          type: ParameterType.SELECT,
          options: ['a', 'b'],
          required: true,
        },
        {
          name: 'level',
          label: 'Level',
          type: ParameterType.SELECT,
          options: [{ value: 'a' }, { value: 'b', label: 'B' }],
          required: true,
        },
        { name: 'payload', label: 'Payload', type: ParameterType.JSON, required: true },
        { name: 'anything', label: 'Anything', type: ParameterType.EXPRESSION },
      ],
      async execute(context) {
        expectTypeOf(context.input_data.url).toEqualTypeOf<string>();
        expectTypeOf(context.input_data.note).toEqualTypeOf<string>();
        // A field of a credential, or its whole data when the reference names no field.
        expectTypeOf(context.input_data.token).toEqualTypeOf<
          string | Readonly<Record<string, string>>
        >();
        expectTypeOf(context.input_data.count).toEqualTypeOf<number | undefined>();
        expectTypeOf(context.input_data.enabled).toEqualTypeOf<boolean>();
        expectTypeOf(context.input_data.mode).toEqualTypeOf<'a' | 'b'>();
        expectTypeOf(context.input_data.level).toEqualTypeOf<'a' | 'b'>();
        expectTypeOf(context.input_data.payload).toEqualTypeOf<unknown>();
        expectTypeOf(context.input_data.anything).toEqualTypeOf<unknown>();
        // @ts-expect-error `missing` is not a declared parameter.
        context.input_data.missing;
        return { success: true, output_data: {} };
      },
    });
  });

  it('makes a required parameter optional only when required is false', () => {
    defineComponent({
      type: 'optional',
      name: 'Optional',
      category: ComponentCategory.UTILITIES,
      parameters: [
        { name: 'maybe', label: 'Maybe', type: 'string', required: false },
        { name: 'defaulted', label: 'Defaulted', type: 'number', default: 3 },
      ],
      async execute({ input_data }) {
        expectTypeOf(input_data.maybe).toEqualTypeOf<string | undefined>();
        expectTypeOf(input_data.defaulted).toEqualTypeOf<number>();
        return { success: true };
      },
    });
  });

  it('gives an empty input_data when there are no parameters', () => {
    defineComponent({
      type: 'bare',
      name: 'Bare',
      category: ComponentCategory.UTILITIES,
      async execute({ input_data }) {
        expectTypeOf<keyof typeof input_data>().toEqualTypeOf<never>();
        // @ts-expect-error no parameter is declared.
        input_data.anything;
        return { success: true };
      },
    });
  });

  it('returns a definition registerComponent accepts', () => {
    const definition = defineComponent({
      type: 'registrable',
      name: 'Registrable',
      category: ComponentCategory.UTILITIES,
      parameters: [{ name: 'n', label: 'N', type: 'number', required: true }],
      async execute({ input_data }) {
        return { success: true, output_data: { double: input_data.n * 2 } };
      },
    });
    expectTypeOf(new ComponentRegistry().registerComponent).toBeCallableWith(definition);
  });

  it('rejects an unknown parameter type', () => {
    defineComponent({
      type: 'bad',
      name: 'Bad',
      category: ComponentCategory.UTILITIES,
      // @ts-expect-error `date` is not a ParameterType.
      parameters: [{ name: 'd', label: 'D', type: 'date' }],
      async execute() {
        return { success: true };
      },
    });
  });
});
