/** Body of every successful delete: `{deleted: true, id}`. */
export interface Deleted {
  deleted: true;
  id: number;
}

export function presentDeleted(id: number): Deleted {
  return { deleted: true, id };
}
