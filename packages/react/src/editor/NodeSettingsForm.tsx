import { type ReactNode, useCallback, useId } from 'react';
import { enCanvas } from '../i18n/enCanvas';
import { useMessages } from '../i18n/useMessages';
import type { EditorNodeSettings, EditorStore, OnErrorMode } from '../store/editorTypes';
import { useEditorStore } from '../store/useEditorStore';
import { useEditorStoreApi } from '../store/useEditorStoreApi';
import { JsonField } from './JsonField';

const ON_ERROR: ReadonlyArray<[OnErrorMode, 'fail' | 'errorBranch' | 'continue']> = [
  ['fail', 'fail'],
  ['error_branch', 'errorBranch'],
  ['continue', 'continue'],
];

/** The number settings: the field each sets and the range its input allows. */
const NUMBER_SETTINGS = {
  retries: { name: 'retries', min: 0, max: 99 },
  backoff: { name: 'backoff_ms', min: 0, max: 3_600_000 },
  multiplier: { name: 'backoff_multiplier', min: 1, max: 100 },
  timeout: { name: 'timeout_ms', min: 1, max: 86_400_000 },
} as const;

type NumberSettingKey = keyof typeof NUMBER_SETTINGS;

/** Props of {@link NodeSettingsForm}. */
export interface NodeSettingsFormProps {
  /** The node to edit. */
  nodeId: string;
}

function numberOrUndefined(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * A node's run settings (its panel's Settings tab): disabled, retries with their backoff, a
 * timeout, what a failure does (fail the run, take the error branch, continue) and, on a
 * trigger, the pinned test input the editor's runs use.
 */
export function NodeSettingsForm({ nodeId }: NodeSettingsFormProps) {
  const store = useEditorStoreApi();
  const text = useMessages('settings', enCanvas.settings);
  const id = useId();
  const node = useEditorStore(
    useCallback((state: EditorStore) => state.nodes.find((n) => n.id === nodeId), [nodeId]),
  );
  const component = useEditorStore(
    useCallback((state: EditorStore) => state.components[node?.type ?? ''], [node?.type]),
  );
  if (!node) return null;

  const settings: EditorNodeSettings = node.data.settings ?? {};
  const retry = settings.retry;
  const update = (next: EditorNodeSettings) => {
    const cleaned = Object.fromEntries(
      Object.entries(next).filter(([, value]) => value !== undefined),
    ) as EditorNodeSettings;
    store.getState().setNodeSettings(nodeId, Object.keys(cleaned).length > 0 ? cleaned : undefined);
  };
  const setRetry = (change: Partial<NonNullable<EditorNodeSettings['retry']>>) => {
    const merged = {
      max_attempts: retry?.max_attempts ?? 1,
      backoff_ms: retry?.backoff_ms ?? 0,
      backoff_multiplier: retry?.backoff_multiplier ?? 2,
      ...change,
    };
    update({ ...settings, retry: merged.max_attempts > 1 ? merged : undefined });
  };
  const isTrigger = component?.category === 'triggers';
  const name = node.data.label || component?.name || node.type || nodeId;
  const field = (suffix: string) => `${id}-${suffix}`;
  /** A number setting's id, name, words and range; its value and change stay at the call. */
  const numberSetting = (key: NumberSettingKey) => ({
    id: field(key),
    label: text[key],
    help: text[`${key}Help` as const],
    ...NUMBER_SETTINGS[key],
  });

  return (
    <form
      className="flowloom-parameter-form flowloom-settings-form"
      aria-label={text.form(name)}
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="flowloom-field flowloom-field--checkbox" data-setting="disabled">
        <label className="flowloom-field__label" htmlFor={field('disabled')}>
          <input
            id={field('disabled')}
            type="checkbox"
            checked={node.data.disabled === true}
            aria-describedby={field('disabled-help')}
            onChange={(event) => store.getState().setNodesDisabled([nodeId], event.target.checked)}
          />
          {text.disabled}
        </label>
        <p id={field('disabled-help')} className="flowloom-field__help">
          {text.disabledHelp}
        </p>
      </div>
      <NumberSetting
        {...numberSetting('retries')}
        value={(retry?.max_attempts ?? 1) - 1}
        onChange={(value) => setRetry({ max_attempts: Math.max(0, Math.round(value ?? 0)) + 1 })}
      />
      {retry ? (
        <>
          <NumberSetting
            {...numberSetting('backoff')}
            value={retry.backoff_ms}
            onChange={(value) => setRetry({ backoff_ms: Math.max(0, Math.round(value ?? 0)) })}
          />
          <NumberSetting
            {...numberSetting('multiplier')}
            value={retry.backoff_multiplier}
            onChange={(value) => setRetry({ backoff_multiplier: Math.max(1, value ?? 1) })}
          />
        </>
      ) : null}
      <NumberSetting
        {...numberSetting('timeout')}
        value={settings.timeout_ms}
        onChange={(value) =>
          update({
            ...settings,
            timeout_ms: value === undefined ? undefined : Math.max(1, Math.round(value)),
          })
        }
      />
      <SettingField
        id={field('on-error')}
        setting="on_error"
        label={text.onError}
        help={text.onErrorHelp}
      >
        <select
          id={field('on-error')}
          value={settings.on_error ?? 'fail'}
          aria-describedby={field('on-error-help')}
          onChange={(event) => {
            const mode = event.target.value as OnErrorMode;
            update({ ...settings, on_error: mode === 'fail' ? undefined : mode });
          }}
        >
          {ON_ERROR.map(([mode, label]) => (
            <option key={mode} value={mode}>
              {text[label]}
            </option>
          ))}
        </select>
      </SettingField>
      {isTrigger ? (
        <SettingField
          id={field('pinned')}
          setting="pinned_input"
          modifier="json"
          label={text.pinned}
          help={text.pinnedHelp}
        >
          <JsonField
            // Keyed by node, so the draft text does not follow to another trigger.
            key={nodeId}
            id={field('pinned')}
            value={node.data.pinned_input}
            required={false}
            describedBy={field('pinned-help')}
            invalid={false}
            onChange={(value) =>
              store
                .getState()
                .setPinnedInput(
                  nodeId,
                  value !== null && typeof value === 'object' && !Array.isArray(value)
                    ? (value as Record<string, unknown>)
                    : undefined,
                )
            }
          />
        </SettingField>
      ) : null}
    </form>
  );
}

interface SettingFieldProps {
  /** The control's id; its help's id is this plus `-help`. */
  id: string;
  /** The setting's name, for `data-setting`. */
  setting: string;
  /** A `flowloom-field--*` modifier of the field's class. */
  modifier?: string;
  label: string;
  help: string;
  /** The control, whose `aria-describedby` names the help. */
  children: ReactNode;
}

/** One setting: its label, its control and its help. */
function SettingField({ id, setting, modifier, label, help, children }: SettingFieldProps) {
  return (
    <div
      className={modifier ? `flowloom-field flowloom-field--${modifier}` : 'flowloom-field'}
      data-setting={setting}
    >
      <label className="flowloom-field__label" htmlFor={id}>
        {label}
      </label>
      {children}
      <p id={`${id}-help`} className="flowloom-field__help">
        {help}
      </p>
    </div>
  );
}

interface NumberSettingProps {
  id: string;
  name: string;
  label: string;
  help: string;
  min: number;
  max: number;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
}

/** One number setting with its label and help. */
function NumberSetting({ id, name, label, help, min, max, value, onChange }: NumberSettingProps) {
  return (
    <SettingField id={id} setting={name} label={label} help={help}>
      <input
        id={id}
        type="number"
        min={min}
        max={max}
        value={value ?? ''}
        aria-describedby={`${id}-help`}
        onChange={(event) => onChange(numberOrUndefined(event.target.value))}
      />
    </SettingField>
  );
}
