import type { Deleted } from '../../generated/client/types.gen.js';

/** Body of every successful delete: the id, always as an integer (Monica 4.x sometimes echoes a string). */
export function presentDeleted(id: number): Deleted {
  return { deleted: true, id };
}
