// Types of compromise-patches.mjs, for the test that imports it.
import type { Plugin } from 'esbuild';

export declare const compromisePatches: Plugin;
