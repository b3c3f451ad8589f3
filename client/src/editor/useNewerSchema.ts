import { useEffect, useState } from 'react';
import type { SchemaGate } from './schemaGate.ts';

/** Whether the open document was written by a newer schema (the page then shows it read-only). */
export function useNewerSchema(gate: SchemaGate): boolean {
  const [newer, setNewer] = useState(gate.newer);
  useEffect(() => {
    setNewer(gate.newer);
    return gate.onNewer(() => setNewer(true));
  }, [gate]);
  return newer;
}
