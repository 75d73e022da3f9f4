/**
 * The code sandbox's worker thread: runs QuickJS so that a looping script never blocks the
 * server's event loop and deeply nested source never reaches the main thread's stack. Built as
 * its own entry (`@flowloom/server-adapter/code-sandbox-worker`); `createCodeSandbox` starts it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import variant from '@jitl/quickjs-wasmfile-release-sync';
import {
  newQuickJSWASMModuleFromVariant,
  newVariant,
  type QuickJSSyncVariant,
  type QuickJSWASMModule,
} from 'quickjs-emscripten-core';
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

/** What a module's memory holds beyond any run: QuickJS's own data, stack and runtime. */
const MODULE_BASE_BYTES = 16 * 1024 * 1024;
const WASM_PAGE_BYTES = 64 * 1024;
/** Growth past its first size after which a module is dropped once its run ends. */
const SHRINK_AFTER_BYTES = 16 * 1024 * 1024;

/**
 * The variant itself: bundled to CommonJS, the default import is the package's exports object,
 * which `newVariant` would copy with its `default` (and the options would then be lost).
 */
const baseVariant: QuickJSSyncVariant =
  (variant as { default?: QuickJSSyncVariant }).default ?? variant;

let loaded: { capBytes: number; module: Promise<QuickJSWASMModule> } | undefined;

/**
 * The module for runs with a given memory limit, made once and reused by every such run; made
 * anew after a host error, or for a run with another limit.
 *
 * @remarks Its WebAssembly memory can't grow past the limit and the module's own share, which
 * holds where QuickJS's own limit does not: under Emscripten it counts an allocation's
 * bookkeeping, not its bytes, so large strings and arrays kept one by one would pass it.
 */
function loadModule(memoryLimitBytes: number): {
  capBytes: number;
  module: Promise<QuickJSWASMModule>;
} {
  const pages = Math.ceil((memoryLimitBytes + MODULE_BASE_BYTES) / WASM_PAGE_BYTES);
  // WebAssembly memories stop at 4 GiB (65,536 pages), this module at 2 GiB.
  const maximum = Math.min(pages, 32_768);
  const capBytes = maximum * WASM_PAGE_BYTES;
  if (loaded?.capBytes !== capBytes) {
    const wasmMemory = new WebAssembly.Memory({
      initial: MODULE_BASE_BYTES / WASM_PAGE_BYTES,
      maximum,
    });
    loaded = {
      capBytes,
      module: newQuickJSWASMModuleFromVariant(newVariant(baseVariant, { wasmMemory })),
    };
  }
  return loaded;
}

async function answer(run: SandboxRunMessage): Promise<SandboxAnswer> {
  const logs = new GuestLogCollector();
  try {
    const { capBytes, module } = loadModule(run.memoryLimitBytes);
    const quickjs = await module;
    const answered = runInQuickJS(
      quickjs,
      run,
      {
        memoryCapBytes: capBytes,
        stackSizeBytes: data.stackSizeBytes,
        maxOutputDepth: data.maxOutputDepth,
        isAborted: () => Atomics.load(control, ABORT_SLOT) === run.id,
      },
      logs,
    );
    // WebAssembly memory never shrinks: after a run that grew it, the next run gets a new
    // module, so the worker gives the memory back and each run starts with its whole limit.
    if (quickjs.getWasmMemory().buffer.byteLength > MODULE_BASE_BYTES + SHRINK_AFTER_BYTES) {
      loaded = undefined;
    }
    return answered;
  } catch (error) {
    // A host error (V8's stack exhausted inside the WebAssembly, a runtime freed with live
    // objects) can leave the module unusable: the next run gets a new one.
    loaded = undefined;
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

void loadModule(data.memoryLimitBytes).module.then(
  () => post({ type: 'ready' }),
  () => {
    // The first run reports the failure; loading is tried again then.
    loaded = undefined;
  },
);
