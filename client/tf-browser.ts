// TensorFlow.js in the browser: the same wasm backend as the server, so fits match bit for bit.
import * as tf from "@tensorflow/tfjs";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import plainWasm from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url";
import simdWasm from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url";
import threadedWasm from "@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url";

let ready: Promise<typeof tf> | undefined;

/**
 * The name of the error thrown when the wasm backend will not start. It is thrown in the training
 * worker, which has no messages of its own: the page words it (practice.wasmUnavailable).
 */
export const WASM_UNAVAILABLE = "WasmUnavailable";

export function loadTf(): Promise<typeof tf> {
  ready ??= (async () => {
    // The minified threaded build breaks under Vite; one thread is what the server uses too.
    tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", false);
    setWasmPaths({
      "tfjs-backend-wasm.wasm": plainWasm,
      "tfjs-backend-wasm-simd.wasm": simdWasm,
      "tfjs-backend-wasm-threaded-simd.wasm": threadedWasm,
    });
    if (!(await tf.setBackend("wasm"))) {
      const error = new Error("This browser could not start TensorFlow.js's wasm backend.");
      error.name = WASM_UNAVAILABLE;
      throw error;
    }
    await tf.ready();
    return tf;
  })();
  return ready;
}
