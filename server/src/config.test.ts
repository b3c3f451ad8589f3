import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.ts';

describe('parseConfig', () => {
  it('has defaults that start the embedded database on loopback', () => {
    const c = parseConfig({}, '/repo');
    expect(c).toEqual({
      port: 3000,
      host: '127.0.0.1',
      dataDir: path.resolve('/repo', 'data'),
      databaseUrl: undefined,
      clientDir: path.resolve('/repo', 'client/dist'),
      adminToken: undefined,
      cluster: undefined,
    });
  });

  it('reads every variable', () => {
    const c = parseConfig(
      { PORT: '0', HOST: '0.0.0.0', DATA_DIR: '/var/lib/r', DATABASE_URL: 'postgres://u@h/db' },
      '/repo',
    );
    expect(c.port).toBe(0);
    expect(c.host).toBe('0.0.0.0');
    expect(c.dataDir).toBe('/var/lib/r');
    expect(c.databaseUrl).toBe('postgres://u@h/db');
  });

  it('treats an empty DATABASE_URL as unset', () => {
    expect(parseConfig({ DATABASE_URL: '' }, '/repo').databaseUrl).toBeUndefined();
  });

  it('rejects bad values with one readable message naming each variable', () => {
    expect(() => parseConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' }, '/repo')).toThrow(
      /PORT[\s\S]*DATABASE_URL/,
    );
    expect(() => parseConfig({ PORT: '70000' }, '/repo')).toThrow(/PORT/);
  });

  it('runs clustered when REDIS_URL is set, with a process id unique to this process unless given', () => {
    const env = { REDIS_URL: 'redis://127.0.0.1:6379', DATABASE_URL: 'postgres://u@h/db' };
    const a = parseConfig(env, '/repo').cluster!;
    const b = parseConfig(env, '/repo').cluster!;
    expect(a.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(a.processId).toContain(String(process.pid));
    expect(a.processId).not.toBe(b.processId);
    expect(parseConfig({ ...env, PROCESS_ID: 'web-2' }, '/repo').cluster!.processId).toBe('web-2');
  });

  it('refuses to run clustered on the embedded database, saying why', () => {
    expect(() => parseConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }, '/repo')).toThrow(
      /REDIS_URL: clustered mode needs DATABASE_URL.*PGlite.*cannot be shared/,
    );
  });

  it('rejects a REDIS_URL or PROCESS_ID that is not one', () => {
    expect(() => parseConfig({ REDIS_URL: 'http://x', DATABASE_URL: 'postgres://u@h/db' }, '/repo')).toThrow(
      /REDIS_URL/,
    );
    expect(() =>
      parseConfig({ REDIS_URL: 'redis://x', DATABASE_URL: 'postgres://u@h/db', PROCESS_ID: 'a b' }, '/repo'),
    ).toThrow(/PROCESS_ID/);
  });
});
