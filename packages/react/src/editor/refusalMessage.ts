import type { ConnectionRefusal } from '../store/editorTypes';

const MESSAGES: Record<ConnectionRefusal, string> = {
  self_loop: 'A step cannot connect to itself.',
  cycle: 'That connection would make a cycle.',
  wrong_direction: 'Connect an output handle to an input handle.',
  duplicate: 'Those handles are already connected.',
  unknown_handle: 'That handle does not exist on this component.',
};

/** What the canvas says when a connection is refused. */
export function refusalMessage(reason: ConnectionRefusal): string {
  return MESSAGES[reason];
}
