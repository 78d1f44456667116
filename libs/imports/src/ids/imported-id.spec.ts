import { importedId } from './imported-id';

describe('ids of imported rows', () => {
  it('the same row of the same importer always gets the same UUID v8', () => {
    const id = importedId('cafes', 'CAFE-1', 'organizer-42');
    expect(id).toBe(importedId('cafes', ' CAFE-1 ', 'organizer-42'));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('another importer, another kind or another ref is another id', () => {
    const id = importedId('cafes', 'CAFE-1', 'organizer-42');
    expect(importedId('cafes', 'CAFE-1', 'organizer-43')).not.toBe(id);
    expect(importedId('structures', 'CAFE-1', 'organizer-42')).not.toBe(id);
    expect(importedId('cafes', 'cafe-1', 'organizer-42')).not.toBe(id);
  });

  it('does not depend on how the accents of the ref were encoded', () => {
    expect(importedId('structures', 'Médiathèque', 'x')).toBe(importedId('structures', 'Me\u0301diathe\u0300que', 'x'));
  });
});
