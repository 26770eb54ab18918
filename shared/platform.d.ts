/**
 * The few platform APIs the domain core may use. Browsers, Electron and Node 20 all
 * provide them as globals, so declaring them here (instead of pulling in the DOM or
 * Node typings) keeps every other DOM or Node API out of reach of shared/.
 */
declare global {
  interface TextDecoderOptions { fatal?: boolean; ignoreBOM?: boolean }
  class TextDecoder {
    constructor(label?: string, options?: TextDecoderOptions);
    readonly encoding: string;
    decode(input?: Uint8Array | ArrayBuffer, options?: { stream?: boolean }): string;
  }
  class TextEncoder {
    encode(input?: string): Uint8Array<ArrayBuffer>;
  }
  const crypto: { randomUUID(): `${string}-${string}-${string}-${string}-${string}` };
  const console: { warn(...args: unknown[]): void; log(...args: unknown[]): void; error(...args: unknown[]): void };
  function setTimeout(cb: () => void, ms?: number): unknown;
  function queueMicrotask(cb: () => void): void;
}
export {};
