import type { CredentialSummary } from '@flowloom/core';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { ClientResult, CreateCredentialRequest } from '../client/clientTypes';
import { unexpectedError } from '../hooks/unexpectedError';
import { enCanvas } from '../i18n/enCanvas';
import { enCore } from '../i18n/enCore';
import type { Messages } from '../i18n/Messages';
import { useMessages } from '../i18n/useMessages';
import { CredentialDataRows, type CredentialRowInputs } from './CredentialDataRows';
import { credentialErrorMessage } from './credentialErrorMessage';
import { credentialFieldsOf, KNOWN_CREDENTIAL_TYPES } from './credentialFieldsOf';

/** Props of {@link NewCredentialForm}. */
export interface NewCredentialFormProps {
  /** A unique prefix for the form's element ids. */
  idPrefix: string;
  /** The type to create; without one the user picks it. */
  credentialType?: string;
  /** Stores the credential (through the API). */
  onCreate: (request: CreateCredentialRequest) => Promise<ClientResult<CredentialSummary>>;
  /** Told the stored credential's summary once it exists. */
  onCreated: (credential: CredentialSummary) => void;
  onCancel: () => void;
}

const OTHER = 'other';

/** The secret fields typed in, or the problems that keep them from being sent. */
function readData(
  fields: ReturnType<typeof credentialFieldsOf>,
  fieldInputs: Map<string, HTMLInputElement | null>,
  rowInputs: Map<number, CredentialRowInputs>,
  words: Messages['credentialForm'],
): { data: Record<string, string>; problems: string[] } {
  const data: Record<string, string> = {};
  const problems: string[] = [];
  if (fields) {
    for (const field of fields) {
      const value = fieldInputs.get(field.name)?.value ?? '';
      if (value.trim() === '') {
        problems.push(words.fillIn(words.fieldLabels[field.name] ?? field.name));
      }
      data[field.name] = value;
    }
    return { data, problems };
  }
  for (const { key, value } of rowInputs.values()) {
    const name = key?.value.trim() ?? '';
    const text = value?.value ?? '';
    if (name === '' && text === '') continue;
    if (name === '') problems.push(words.nameEveryField);
    else if (Object.hasOwn(data, name)) problems.push(words.givenTwice(name));
    else data[name] = text;
  }
  if (Object.keys(data).length === 0 && problems.length === 0) problems.push(words.addAField);
  return { data, problems };
}

/**
 * The inline form that creates a credential: a name, then the fields of its type (password boxes
 * for secrets) or free key/value rows for other types. Secret inputs are uncontrolled: their
 * values are read once, on submit, and never enter React state or the DOM's attributes.
 *
 * @remarks It is a group, not a `<form>`: it sits inside the node's parameter form, and forms do
 * not nest. Enter creates, Escape cancels.
 */
export function NewCredentialForm({
  idPrefix,
  credentialType,
  onCreate,
  onCreated,
  onCancel,
}: NewCredentialFormProps) {
  const text = useMessages('credentialForm', enCanvas.credentialForm);
  const pickerWords = useMessages('credentials', enCanvas.credentials);
  const commonWords = useMessages('common', enCore.common);
  const [name, setName] = useState('');
  const [typeChoice, setTypeChoice] = useState('bearer');
  const [customType, setCustomType] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const fieldInputs = useRef(new Map<string, HTMLInputElement | null>());
  const rowInputs = useRef(new Map<number, CredentialRowInputs>());
  const type = credentialType ?? (typeChoice === OTHER ? customType.trim() : typeChoice);
  const fields = credentialFieldsOf(type);

  useEffect(() => nameInput.current?.focus(), []);

  const submit = async () => {
    if (busy) return;
    const read = readData(fields, fieldInputs.current, rowInputs.current, text);
    const found = [
      ...(name.trim() === '' ? [text.needsName] : []),
      ...(type === '' ? [text.needsType] : []),
      ...read.problems,
    ];
    setProblems(found);
    if (found.length > 0) return;
    setBusy(true);
    let result: ClientResult<CredentialSummary>;
    try {
      result = await onCreate({ name: name.trim(), type, data: read.data });
    } catch (thrown) {
      // The built-in client never throws; a host's own might.
      result = { success: false, error: unexpectedError(thrown) };
    }
    setBusy(false);
    if (result.success) onCreated(result.data);
    else setProblems([credentialErrorMessage(result.error, text.createFailed, pickerWords)]);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFieldSetElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    } else if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
      // Enter would submit the enclosing parameter form; here it creates the credential.
      event.preventDefault();
      void submit();
    }
  };

  return (
    // Keys of the inputs inside are handled once here.
    <fieldset className="flowloom-credential-form" aria-busy={busy} onKeyDown={onKeyDown}>
      <legend className="flowloom-credential-form__title">{text.title}</legend>
      <label className="flowloom-field__label" htmlFor={`${idPrefix}-new-name`}>
        {text.name}
      </label>
      <input
        id={`${idPrefix}-new-name`}
        ref={nameInput}
        className="flowloom-input"
        type="text"
        autoComplete="off"
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      {credentialType === undefined ? (
        <>
          <label className="flowloom-field__label" htmlFor={`${idPrefix}-new-type`}>
            {text.type}
          </label>
          <select
            id={`${idPrefix}-new-type`}
            className="flowloom-input"
            value={typeChoice}
            onChange={(event) => setTypeChoice(event.target.value)}
          >
            {KNOWN_CREDENTIAL_TYPES.map((known) => (
              <option key={known} value={known}>
                {text.types[known]}
              </option>
            ))}
            <option value={OTHER}>{text.other}</option>
          </select>
          {typeChoice === OTHER ? (
            <>
              <label className="flowloom-field__label" htmlFor={`${idPrefix}-new-custom-type`}>
                {text.typeName}
              </label>
              <input
                id={`${idPrefix}-new-custom-type`}
                className="flowloom-input"
                type="text"
                autoComplete="off"
                spellCheck={false}
                value={customType}
                onChange={(event) => setCustomType(event.target.value)}
              />
            </>
          ) : null}
        </>
      ) : null}
      {fields ? (
        // Keyed by type, so switching type starts the fields empty.
        <div key={type} className="flowloom-credential-form__fields">
          {fields.map((field) => {
            const fieldId = `${idPrefix}-new-field-${field.name}`;
            return (
              <div key={field.name} className="flowloom-credential-form__field">
                <label className="flowloom-field__label" htmlFor={fieldId}>
                  {text.fieldLabels[field.name] ?? field.name}
                </label>
                <input
                  id={fieldId}
                  className="flowloom-input"
                  type={field.secret ? 'password' : 'text'}
                  autoComplete={field.secret ? 'new-password' : 'off'}
                  spellCheck={false}
                  ref={(element) => {
                    fieldInputs.current.set(field.name, element);
                  }}
                />
              </div>
            );
          })}
        </div>
      ) : (
        <CredentialDataRows idPrefix={`${idPrefix}-new`} inputs={rowInputs} />
      )}
      {problems.length > 0 ? (
        <div role="alert" className="flowloom-message flowloom-message--error">
          {problems.map((problem) => (
            <p key={problem} className="flowloom-credential-form__problem">
              {problem}
            </p>
          ))}
        </div>
      ) : null}
      <div className="flowloom-credential-form__actions">
        <button
          type="button"
          className="flowloom-button flowloom-button--primary"
          disabled={busy}
          onClick={() => void submit()}
        >
          {busy ? text.creating : text.submit}
        </button>
        <button type="button" className="flowloom-button" onClick={onCancel}>
          {commonWords.cancel}
        </button>
      </div>
    </fieldset>
  );
}
