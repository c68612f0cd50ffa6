// Types of compromise-patches.mjs, for the test that imports it.
import type { Plugin } from 'esbuild';

export interface Patch {
  name: string;
  replace: [string, string][];
  prelude?: string;
}
export declare const PATCHES: Patch[];
export declare function patchSource(source: string): { contents: string; applied: string[] };
export declare const compromisePatches: Plugin;
