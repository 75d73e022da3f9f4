/**
 * The code sandbox's worker thread: runs QuickJS so that a looping script never blocks the
 * server's event loop and deeply nested source never reaches the main thread's stack. Built as
 * its own entry (`@flowloom/server-adapter/code-sandbox-worker`); `createCodeSandbox` starts it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import variant from '@jitl/quickjs-wasmfile-release-sync';
import { newQuickJSWASMModuleFromVariant, type QuickJSWASMModule } from 'quickjs-emscripten-core';
import { GuestLogCollector } from './GuestLogCollector';
import { runInQuickJS } from './runInQuickJS';
import {
  ABORT_SLOT,
  type SandboxAnswer,
  type SandboxRunMessage,
  type SandboxWorkerData,
  type SandboxWorkerMessage,
} from './sandboxProtocol';

const port = parentPort;
if (!port) throw new Error('codeSandboxWorker runs as a worker thread of createCodeSandbox');
const data = workerData as SandboxWorkerData;
const control = new Int32Array(data.control);

let module: Promise<QuickJSWASMModule> | undefined;

/** The module, made once and reused by every run; made anew after a host error. */
function loadModule(): Promise<QuickJSWASMModule> {
  module ??= newQuickJSWASMModuleFromVariant(variant);
  return module;
}

async function answer(run: SandboxRunMessage): Promise<SandboxAnswer> {
  const logs = new GuestLogCollector();
  try {
    const quickjs = await loadModule();
    return runInQuickJS(
      quickjs,
      run,
      {
        stackSizeBytes: data.stackSizeBytes,
        maxOutputDepth: data.maxOutputDepth,
        isAborted: () => Atomics.load(control, ABORT_SLOT) === run.id,
      },
      logs,
    );
  } catch (error) {
    // A host error (V8's stack exhausted inside the WebAssembly, a runtime freed with live
    // objects) can leave the module unusable: the next run gets a new one.
    module = undefined;
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: {
        code: 'CODE_ERROR',
        message: `The sandbox failed while running the code: ${reason}`,
      },
      logs: logs.lines(),
    };
  }
}

function post(message: SandboxWorkerMessage): void {
  port?.postMessage(message);
}

port.on('message', (run: SandboxRunMessage) => {
  void answer(run).then((result) => post({ type: 'answer', id: run.id, answer: result }));
});

void loadModule().then(
  () => post({ type: 'ready' }),
  () => {
    // The first run reports the failure; loading is tried again then.
    module = undefined;
  },
);
