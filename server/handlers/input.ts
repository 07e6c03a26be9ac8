// Turns the lenient values the contract accepts ("12", "1", 0, ...) into plain numbers and booleans.
// The validator has already checked their form; these functions only convert.

export function toInt(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  return typeof value === 'number' ? value : Number(value);
}

export function toBool(value: unknown): boolean | null {
  if (value === null || value === undefined) return null;
  return value === true || value === 1 || value === '1';
}

/** Collects Laravel-style messages for checks that a JSON schema cannot express. */
export class Problems {
  readonly messages: string[] = [];
  add(message: string): void {
    this.messages.push(message);
  }
  get any(): boolean {
    return this.messages.length > 0;
  }
}
