import type { ComponentHandle } from '@flowloom/core';
import { Handle, Position } from '@xyflow/react';
import type { CSSProperties } from 'react';
import { enCore } from '../i18n/enCore';
import { useMessages } from '../i18n/useMessages';

const POSITIONS: Record<ComponentHandle['position'], Position> = {
  left: Position.Left,
  right: Position.Right,
  top: Position.Top,
  bottom: Position.Bottom,
};

/** Props of {@link NodeHandles}. */
export interface NodeHandlesProps {
  /** Input and output handles together, as the metadata declares them. */
  handles: readonly ComponentHandle[];
  /** The node's name, for the handles' accessible names ("Output “True” of Condition"). */
  nodeName: string;
}

/**
 * Where along its side a handle sits: handles sharing a side are spread evenly, those on the
 * left and right along the body below the header.
 */
function offsetsOf(handles: readonly ComponentHandle[]): Map<ComponentHandle, string> {
  const bySide = new Map<string, ComponentHandle[]>();
  for (const handle of handles) {
    const side = bySide.get(handle.position);
    if (side) side.push(handle);
    else bySide.set(handle.position, [handle]);
  }
  const offsets = new Map<ComponentHandle, string>();
  for (const side of bySide.values()) {
    side.forEach((handle, index) => {
      const fraction = (index + 1) / (side.length + 1);
      const vertical = handle.position === 'left' || handle.position === 'right';
      offsets.set(
        handle,
        vertical
          ? `calc(var(--flowloom-node-header-height) + (100% - var(--flowloom-node-header-height)) * ${fraction})`
          : `${fraction * 100}%`,
      );
    });
  }
  return offsets;
}

/**
 * A node's handles at the sides its metadata names, each with its label beside it. Handles on
 * one side are spread evenly along it. Each one is a focusable button named after its node:
 * Enter (or Space) on it opens the list of steps to connect it to (the canvas handles the key).
 */
export function NodeHandles({ handles, nodeName }: NodeHandlesProps) {
  const text = useMessages('node', enCore.node);
  const offsets = offsetsOf(handles);
  // A handle's own label is named only where the node has several of its kind.
  const several = (type: ComponentHandle['type']) =>
    handles.filter((handle) => handle.type === type).length > 1;
  return (
    <>
      {handles.map((handle) => {
        const offset = offsets.get(handle) ?? '50%';
        const vertical = handle.position === 'left' || handle.position === 'right';
        const style: CSSProperties = vertical ? { top: offset } : { left: offset };
        return (
          <span key={`${handle.type}:${handle.id}`}>
            <Handle
              id={handle.id}
              type={handle.type}
              position={POSITIONS[handle.position]}
              className={`flowloom-node__handle flowloom-node__handle--${handle.type}`}
              style={style}
              title={handle.label ?? handle.id}
              tabIndex={0}
              role="button"
              aria-label={
                handle.type === 'source'
                  ? text.output(
                      several('source') ? (handle.label ?? handle.id) : undefined,
                      nodeName,
                    )
                  : text.input(
                      several('target') ? (handle.label ?? handle.id) : undefined,
                      nodeName,
                    )
              }
              aria-description={handle.type === 'source' ? text.outputHint : text.inputHint}
            />
            {handle.label ? (
              <span
                className={`flowloom-node__handle-label flowloom-node__handle-label--${handle.position}`}
                style={style}
                aria-hidden="true"
              >
                {handle.label}
              </span>
            ) : null}
          </span>
        );
      })}
    </>
  );
}
