/** JSON helpers shared by the pipeline scripts: one serialisation (2-space indent, trailing newline) everywhere. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function clone<T extends Json>(value: T): T {
  return structuredClone(value);
}

export function stringify(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function readJson<T = JsonObject>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

export function writeText(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

export function writeJson(file: string, value: unknown): void {
  writeText(file, stringify(value));
}

/** Returns a copy of `object` whose keys are in code-point order (not locale-dependent). */
export function sortKeys<T extends JsonObject>(object: T): T {
  const sorted: JsonObject = {};
  for (const key of Object.keys(object).sort(compareStrings)) sorted[key] = object[key]!;
  return sorted as T;
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
