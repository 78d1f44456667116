import * as iconv from 'iconv-lite';
import { all } from '../testing/fixtures';
import { detectDelimiter } from './delimiter';
import { TextDecoding } from './text-decoding';

const decode = async (chunks: Buffer[]) => {
  const decoding = new TextDecoding();
  const text = (await all(decoding.decode((async function* () { yield* chunks; })()))).join('');
  return { text, encoding: decoding.encoding };
};

describe('decoding a CSV', () => {
  it('pure ASCII is UTF-8', async () => {
    expect(await decode([Buffer.from('ref;name\r\n')])).toEqual({ text: 'ref;name\r\n', encoding: 'utf-8' });
  });

  it('decides at the first accented byte, even when a character is split across chunks', async () => {
    const bytes = Buffer.from('ref;name\r\nS-1;Médiathèque\r\n');
    const split = bytes.indexOf(0xc3) + 1;
    expect(await decode([bytes.subarray(0, split), bytes.subarray(split)])).toEqual({ text: 'ref;name\r\nS-1;Médiathèque\r\n', encoding: 'utf-8' });
  });

  it('Windows-1252 when the first accented bytes are not UTF-8', async () => {
    expect(await decode([Buffer.from('ref;name\r\n'), iconv.encode('S-1;Médiathèque d’Œuvre\r\n', 'win1252')])).toEqual({ text: 'ref;name\r\nS-1;Médiathèque d’Œuvre\r\n', encoding: 'windows-1252' });
  });

  it('refuses UTF-8 followed by another encoding later in the file', async () => {
    await expect(decode([Buffer.from('S-1;Médiathèque\r\n'), iconv.encode('S-2;Bibliothèque\r\n', 'win1252')])).rejects.toMatchObject({ code: 'unreadable_encoding', status: 415 });
  });

  it('strips a UTF-8 BOM', async () => {
    expect((await decode([Buffer.from('\uFEFFref')])).text).toBe('ref');
  });
});

describe('the separator', () => {
  it('is the one found most often outside quotes', () => {
    expect(detectDelimiter('ref;name;kind\r\nS-1;"A, B, C";autre\r\n')).toBe(';');
    expect(detectDelimiter('ref,name,kind\r\nS-1,"A; B; C; D; E",autre\r\n')).toBe(',');
    expect(detectDelimiter('ref\tname\r\n')).toBe('\t');
    expect(detectDelimiter('ref\r\n')).toBe(',');
  });
});
