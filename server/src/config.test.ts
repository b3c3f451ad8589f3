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
});
