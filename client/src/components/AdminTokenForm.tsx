import { type FormEvent, useState } from 'react';
import { saveAdminToken } from '../api/credentials.ts';

/**
 * The admin secret typed by hand (the part after `?admin=` of the admin URL, or ADMIN_TOKEN), for
 * when opening the admin URL is not convenient. Kept on this browser.
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
        <span>Admin secret</span>
        <input type="password" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" />
      </label>
      <button type="submit">Use secret</button>
    </form>
  );
}
