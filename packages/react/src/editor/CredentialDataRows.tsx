import { type RefObject, useState } from 'react';
import { enCanvas } from '../i18n/enCanvas';
import { useMessages } from '../i18n/useMessages';

/** The inputs of one free key/value row, read when the form is submitted. */
export interface CredentialRowInputs {
  key: HTMLInputElement | null;
  value: HTMLInputElement | null;
}

/** Props of {@link CredentialDataRows}. */
export interface CredentialDataRowsProps {
  idPrefix: string;
  /** Filled with each row's inputs, in order, so the form reads them on submit. */
  inputs: RefObject<Map<number, CredentialRowInputs>>;
}

/**
 * Key/value rows for a credential type the editor does not know the fields of: the user names
 * each field. Values go in password boxes and are uncontrolled, so a secret never reaches React
 * state or the DOM's attributes.
 */
export function CredentialDataRows({ idPrefix, inputs }: CredentialDataRowsProps) {
  const text = useMessages('credentialForm', enCanvas.credentialForm);
  const [rows, setRows] = useState<number[]>([1]);
  const inputsOf = (row: number): CredentialRowInputs => {
    let found = inputs.current.get(row);
    if (!found) {
      found = { key: null, value: null };
      inputs.current.set(row, found);
    }
    return found;
  };
  const remove = (row: number) => {
    inputs.current.delete(row);
    setRows((current) => current.filter((id) => id !== row));
  };

  return (
    <fieldset className="flowloom-credential-form__rows">
      <legend className="flowloom-field__label">{text.fields}</legend>
      {rows.map((row, index) => {
        const keyId = `${idPrefix}-row-${row}-key`;
        const valueId = `${idPrefix}-row-${row}-value`;
        return (
          <div key={row} className="flowloom-credential-form__row">
            <label className="flowloom-visually-hidden" htmlFor={keyId}>
              {text.fieldName(index + 1)}
            </label>
            <input
              id={keyId}
              className="flowloom-input"
              type="text"
              placeholder={text.fieldNamePlaceholder}
              autoComplete="off"
              spellCheck={false}
              ref={(element) => {
                inputsOf(row).key = element;
              }}
            />
            <label className="flowloom-visually-hidden" htmlFor={valueId}>
              {text.fieldValue(index + 1)}
            </label>
            <input
              id={valueId}
              className="flowloom-input"
              type="password"
              placeholder={text.fieldValuePlaceholder}
              autoComplete="new-password"
              ref={(element) => {
                inputsOf(row).value = element;
              }}
            />
            <button
              type="button"
              className="flowloom-button"
              aria-label={text.removeField(index + 1)}
              disabled={rows.length === 1}
              onClick={() => remove(row)}
            >
              ×
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="flowloom-button"
        onClick={() => setRows((current) => [...current, Math.max(0, ...current) + 1])}
      >
        {text.addField}
      </button>
    </fieldset>
  );
}
