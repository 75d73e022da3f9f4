import type { WorkflowComponentMetadata } from '@flowloom/core';
import { memo } from 'react';
import { enCore } from '../i18n/enCore';
import { useMessages } from '../i18n/useMessages';
import { ComponentIcon } from './ComponentIcon';
import { swatchStyleOf } from './swatchStyleOf';

/** Props of {@link EmptyCanvasHint}. */
export interface EmptyCanvasHintProps {
  /** The components offered; the trigger ones are shown as one-click starts. */
  components: readonly WorkflowComponentMetadata[];
  /** Adds a component in the middle of the canvas. */
  onStart: (componentType: string) => void;
}

/**
 * What an empty canvas shows: how to begin, and the registry's triggers as one-click starts
 * (none when the registry has no trigger).
 */
export const EmptyCanvasHint = memo(function EmptyCanvasHint({
  components,
  onStart,
}: EmptyCanvasHintProps) {
  const text = useMessages('emptyCanvas', enCore.emptyCanvas);
  const triggers = components.filter((component) => component.category === 'triggers');
  return (
    <section className="flowloom-empty-canvas" aria-label={text.region}>
      <p className="flowloom-empty-canvas__hint">{text.hint}</p>
      {triggers.length > 0 ? (
        <>
          <p className="flowloom-empty-canvas__or">{text.or}</p>
          <ul className="flowloom-empty-canvas__starts">
            {triggers.map((trigger) => (
              <li key={trigger.type}>
                <button
                  type="button"
                  className="flowloom-button flowloom-empty-canvas__start"
                  title={trigger.description || undefined}
                  data-component-type={trigger.type}
                  onClick={() => onStart(trigger.type)}
                >
                  <span
                    className="flowloom-palette__swatch"
                    style={swatchStyleOf(trigger.color)}
                    aria-hidden="true"
                  >
                    <ComponentIcon icon={trigger.icon} name={trigger.name} />
                  </span>
                  {text.startWith(trigger.name)}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
});
