import type { CredentialSummary } from '@flowloom/core';
import { Suspense, useMemo, useRef, useState } from 'react';
import { useCredentials } from '../hooks/useCredentials';
import { enCanvas } from '../i18n/enCanvas';
import type { I18nProps } from '../i18n/I18nProps';
import { I18nProvider } from '../i18n/I18nProvider';
import { useMessages } from '../i18n/useMessages';
import { credentialErrorMessage } from './credentialErrorMessage';
import { credentialIdOf } from './credentialIdOf';
import { lazyCanvasPart } from './lazyCanvasPart';

// The form loads with the canvas parts, the first time a credential is created here.
const NewCredentialForm = lazyCanvasPart('NewCredentialForm');

/** Props of {@link CredentialPicker}. */
export interface CredentialPickerProps extends I18nProps {
  /** The select's id: label it with `<label htmlFor={id}>`. */
  id: string;
  /** The parameter's value: a `{ credential_id }` reference, nothing, or a legacy plain-text secret. */
  value: unknown;
  /** Told `{ credential_id }` when a credential is chosen or created, `undefined` when cleared. */
  onChange: (value: { credential_id: string } | undefined) => void;
  /** The credential type to offer (the parameter's `credential_type`); every type without one. */
  credentialType?: string;
  /** Marks the select required (the parameter must refer to a credential). */
  required?: boolean;
  /** Marks the select invalid, e.g. when the last save found a problem with the parameter. */
  invalid?: boolean;
  /** Ids of elements describing the field (help text, errors). */
  describedBy?: string;
}

/** The select's value for "New credential…"; no credential id looks like it. */
const NEW_CREDENTIAL = '__flowloom:new-credential__';

function optionLabel(credential: CredentialSummary, typed: boolean): string {
  return typed ? credential.name : `${credential.name} (${credential.type})`;
}

/**
 * What a `secret` parameter shows: a select of the user's credentials (of the parameter's
 * `credential_type`, or all), by name, and "New credential…", which opens an inline form that
 * stores a credential through the API and selects it. The value written is `{ credential_id }`;
 * no secret is ever read back or shown.
 *
 * @remarks A legacy plain-text value gets a warning and is replaced by the first credential
 * chosen. A server without a credential key (501 `NOT_CONFIGURED`) gets a plain message.
 */
export function CredentialPicker({ messages, locale, ...props }: CredentialPickerProps) {
  if (!messages && locale === undefined) return <CredentialSelect {...props} />;
  return (
    <I18nProvider messages={messages} locale={locale}>
      <CredentialSelect {...props} />
    </I18nProvider>
  );
}

/** The picker in the language around it. */
function CredentialSelect({
  id,
  value,
  onChange,
  credentialType,
  required,
  invalid,
  describedBy,
}: Omit<CredentialPickerProps, keyof I18nProps>) {
  const text = useMessages('credentials', enCanvas.credentials);
  const { credentials, loading, error, refetch, createCredential } = useCredentials(
    credentialType || undefined,
  );
  const [creating, setCreating] = useState(false);
  const byName = useMemo(
    () => [...credentials].sort((a, b) => a.name.localeCompare(b.name)),
    [credentials],
  );
  const select = useRef<HTMLSelectElement>(null);
  const selectedId = credentialIdOf(value);
  const legacy = typeof value === 'string' && value !== '';
  const notConfigured = error?.code === 'NOT_CONFIGURED';
  const selectedListed =
    selectedId === undefined || credentials.some((c) => c.credential_id === selectedId);
  const empty = !loading && !error && credentials.length === 0 && !creating;
  const warningId = `${id}-legacy`;
  const statusId = `${id}-status`;
  const described = [describedBy, legacy ? warningId : '', error || empty ? statusId : '']
    .filter(Boolean)
    .join(' ');

  const close = () => {
    setCreating(false);
    select.current?.focus();
  };
  const choose = (chosen: string) => {
    if (chosen === NEW_CREDENTIAL) setCreating(true);
    else onChange(chosen === '' ? undefined : { credential_id: chosen });
  };

  return (
    <div className="flowloom-credential-picker">
      {legacy ? (
        <div id={warningId} className="flowloom-message flowloom-message--warning">
          <p className="flowloom-credential-picker__warning">{text.legacy}</p>
          {creating || notConfigured ? null : (
            <button type="button" className="flowloom-button" onClick={() => setCreating(true)}>
              {text.storeLegacy}
            </button>
          )}
        </div>
      ) : null}
      <select
        id={id}
        ref={select}
        required={required}
        disabled={notConfigured}
        aria-invalid={invalid || undefined}
        aria-describedby={described || undefined}
        aria-busy={loading}
        value={selectedId ?? ''}
        onChange={(event) => choose(event.target.value)}
      >
        <option value="">
          {loading && credentials.length === 0 ? text.loadingList : text.choose}
        </option>
        {byName.map((credential) => (
          <option key={credential.credential_id} value={credential.credential_id}>
            {optionLabel(credential, Boolean(credentialType))}
          </option>
        ))}
        {selectedListed ? null : (
          <option value={selectedId}>
            {loading ? text.loading : text.unknown(selectedId ?? '')}
          </option>
        )}
        {notConfigured ? null : <option value={NEW_CREDENTIAL}>{text.create}</option>}
      </select>
      {error ? (
        <div id={statusId} role="alert" className="flowloom-credential-picker__status">
          <p className="flowloom-field__error">
            {credentialErrorMessage(error, text.loadFailed, text)}
          </p>
          {notConfigured ? null : (
            <button type="button" className="flowloom-button" onClick={() => void refetch()}>
              {text.retry}
            </button>
          )}
        </div>
      ) : null}
      {empty ? (
        <p id={statusId} className="flowloom-field__hint">
          {text.empty(credentialType || undefined)}
        </p>
      ) : null}
      {creating ? (
        <Suspense fallback={null}>
          <NewCredentialForm
            idPrefix={id}
            credentialType={credentialType || undefined}
            onCreate={createCredential}
            onCreated={(credential) => {
              onChange({ credential_id: credential.credential_id });
              close();
            }}
            onCancel={close}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
