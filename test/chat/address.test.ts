import { describe, expect, it } from 'vitest';
import { formatAddress, parseAddress, shownAddress } from '../../src/chat/address';
import type { Address } from '../../src/core/ports';

describe('addresses', () => {
  it('say whether they are a person or a channel, and read back the same', () => {
    const cases: [Address, string][] = [
      [{ medium: 'slack', kind: 'person', id: 'U123' }, 'slack:person:U123'],
      [{ medium: 'slack', kind: 'channel', id: 'C123' }, 'slack:channel:C123'],
      [{ medium: 'discord', kind: 'person', id: '80351110224678912' }, 'discord:person:80351110224678912'],
      [{ medium: 'discord', kind: 'channel', id: '1100000000000000001' }, 'discord:channel:1100000000000000001'],
      [{ medium: 'email', kind: 'person', id: 'focal@kas.example.org' }, 'focal@kas.example.org'],
    ];
    for (const [address, stored] of cases) {
      expect(formatAddress(address)).toBe(stored);
      expect(parseAddress(address.medium, stored)).toEqual(address);
    }
  });

  it('refuse a stored form they cannot read: untyped, another medium, odd characters', () => {
    expect(parseAddress('slack', 'slack:U123')).toBeNull();
    expect(parseAddress('discord', 'slack:person:U123')).toBeNull();
    expect(parseAddress('slack', 'slack:person:U1 <!channel>')).toBeNull();
    expect(parseAddress('email', 'not-an-address')).toBeNull();
  });

  it('show a chat address as the platform and its id', () => {
    expect(shownAddress('slack', 'slack:person:UKAS')).toBe('slack:UKAS');
    expect(shownAddress('email', 'a@b.org')).toBe('a@b.org');
  });
});
