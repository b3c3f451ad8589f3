/**
 * Hand-off from "insert an action item" to its node view, which mounts after the transaction:
 * the command leaves the item's id here and the view puts the cursor in its owner field.
 */
let pending: string | null = null;

/** Ask the node view of action item `id` to focus its owner field once it exists. */
export function requestOwnerFocus(id: string): void {
  pending = id;
}

/** True once for the item whose owner field was asked to take focus. */
export function takeOwnerFocus(id: string): boolean {
  if (pending !== id) return false;
  pending = null;
  return true;
}
