/**
 * A hand-off between the command that inserts a speaker block and that block's node view: the
 * node view renders after the transaction, so the command leaves the block id here and the view
 * takes it when it mounts and puts the cursor in its speaker field.
 */
let pending: string | null = null;

/** Ask the node view of block `id` to focus its speaker field once it exists. */
export function requestHeaderFocus(id: string): void {
  pending = id;
}

/** True once for the block whose header was asked to take focus. */
export function takeHeaderFocus(id: string): boolean {
  if (pending !== id) return false;
  pending = null;
  return true;
}
