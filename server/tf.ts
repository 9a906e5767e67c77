// TensorFlow.js for Node: the wasm backend, so fits match the browser's bit for bit.
import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-wasm";

let ready: Promise<typeof tf> | undefined;

export function loadTf(): Promise<typeof tf> {
  ready ??= (async () => {
    if (!(await tf.setBackend("wasm"))) throw new Error("TensorFlow.js: the wasm backend did not start");
    await tf.ready();
    return tf;
  })();
  return ready;
}
