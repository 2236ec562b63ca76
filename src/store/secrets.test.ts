import { describe, expect, it } from 'vitest';
import { seal, signed, unseal, verified } from './secrets.ts';

describe('sealed credentials', () => {
  it('open to the text sealed, differ each time, and refuse a changed byte', () => {
    const a = seal('пароль SMTP');
    expect(a).not.toContain('пароль');
    expect(seal('пароль SMTP')).not.toBe(a);
    expect(unseal(a)).toBe('пароль SMTP');
    const bytes = Buffer.from(a.slice(3), 'base64');
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 1, bytes.length - 1);
    expect(() => unseal(`v1.${bytes.toString('base64')}`)).toThrow();
  });
});

describe('signed tokens', () => {
  it('carry their text, and a changed one is not taken', () => {
    const token = signed('prg_1:mem_2:email');
    expect(verified(token)).toBe('prg_1:mem_2:email');
    expect(verified(token.replace(/^./, (c) => (c === 'c' ? 'd' : 'c')))).toBeNull();
    expect(verified(`${token.split('.')[0]}.AAAA`)).toBeNull();
    expect(verified('nonsense')).toBeNull();
  });
});
