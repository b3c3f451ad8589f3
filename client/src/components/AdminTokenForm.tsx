import { type FormEvent, useState } from 'react';
import { saveAdminToken } from '../api/credentials.ts';

/**
 * Away from the server's own machine, listing and creating sessions needs the server's
 * ADMIN_TOKEN. Asked for only after the server said so; kept on this browser.
 */
export function AdminTokenForm({ onSaved }: { onSaved(): void }) {
  const [token, setToken] = useState('');
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!token.trim()) return;
    saveAdminToken(token.trim());
    onSaved();
  }
  return (
    <form className="admin-token form-row" onSubmit={submit}>
      <label className="field">
        <span>Admin token</span>
        <input type="password" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" />
      </label>
      <button type="submit">Use token</button>
    </form>
  );
}
