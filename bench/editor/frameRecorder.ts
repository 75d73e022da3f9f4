/** What the page's frame recorder saw between start and stop. */
export interface FrameStats {
  /** Frames per second over the recording. */
  fps: number;
  /** The longest gap between two frames, in ms. */
  longestFrameMs: number;
  /** How many frames were drawn. */
  frames: number;
}

/** Page-side: starts collecting `requestAnimationFrame` timestamps into `window.__frames`. */
export function startFrameRecorder(): void {
  const state = window as unknown as { __frames: number[]; __recording: boolean };
  state.__frames = [];
  state.__recording = true;
  const tick = (time: number) => {
    if (!state.__recording) return;
    state.__frames.push(time);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** Page-side: stops the recorder and summarises the frames. */
export function stopFrameRecorder(): FrameStats {
  const state = window as unknown as { __frames: number[]; __recording: boolean };
  state.__recording = false;
  const frames = state.__frames;
  let longest = 0;
  for (let index = 1; index < frames.length; index += 1) {
    longest = Math.max(longest, (frames[index] ?? 0) - (frames[index - 1] ?? 0));
  }
  const span = (frames[frames.length - 1] ?? 0) - (frames[0] ?? 0);
  return {
    fps: frames.length > 1 && span > 0 ? ((frames.length - 1) * 1000) / span : 0,
    longestFrameMs: longest,
    frames: frames.length,
  };
}
