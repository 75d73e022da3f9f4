import { enCore } from '../i18n/enCore';
import { useMessages } from '../i18n/useMessages';

/**
 * Stands in for the canvas until the editor knows its components. The palette announces the
 * wait; this only keeps the canvas's place and says so to those who look at it.
 */
export function CanvasLoading() {
  const text = useMessages('common', enCore.common);
  return (
    <div className="flowloom-canvas flowloom-canvas--loading" aria-busy="true">
      <p className="flowloom-canvas__loading" aria-hidden="true">
        {text.loading}
      </p>
    </div>
  );
}
