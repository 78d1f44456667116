/**
 * Looks through a worksheet's XML as it is inflated, before exceljs reads it: how many rows it
 * has (so a million-row sheet is refused before any row is read) and which cells are merged
 * (written after the cells, so only a pass ahead can refuse them before any row is used).
 */
export class SheetScanner {
  rows = 0;
  readonly merges: string[] = [];
  private carry = '';

  constructor(
    private readonly onRow: (rows: number) => void,
    private readonly maxMergesKept = 1_000,
  ) {}

  feed(chunk: Buffer): void {
    const text = this.carry + chunk.toString('latin1');
    // tags hold no '<', so everything before the last '<' is made of complete tags
    let cut = text.lastIndexOf('<');
    if (cut < 0 || text.length - cut > 1024 * 1024) cut = text.length;
    this.carry = text.slice(cut);
    this.scan(text.slice(0, cut));
  }

  end(): void {
    this.scan(this.carry);
    this.carry = '';
  }

  private scan(text: string): void {
    for (const match of text.matchAll(/<row\b[^>]*>/g)) {
      // a self-closing <row/> holds no cell (formatting only)
      if (!match[0].endsWith('/>')) this.onRow(++this.rows);
    }
    for (const match of text.matchAll(/<mergeCell\b[^>]*?\bref\s*=\s*"([^"]+)"/g)) {
      if (this.merges.length < this.maxMergesKept) this.merges.push(match[1]);
    }
  }
}
