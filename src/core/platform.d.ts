/**
 * The few platform globals core may use, present in both browsers and Node 20. Core's tsconfig
 * has no DOM lib, so they are declared here and nothing else leaks in.
 */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
