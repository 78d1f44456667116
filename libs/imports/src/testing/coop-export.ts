import * as ExcelJS from 'exceljs';

/**
 * A workbook laid out as La Coop de la médiation numérique's activity export
 * (`buildActivitesWorksheet.ts`): export details and filters above, a blank row, then the
 * "Activités" table with its French headers, dates formatted dd/mm/yyyy, themes one per line.
 */
export const COOP_HEADERS = [
  'Date',
  'Type',
  'Nombre de participants',
  'Bénéficiaire',
  'Canaux d’accompagnement',
  'Lieu',
  'Durée (min)',
  'Nom de l’atelier',
  'Matériel numérique utilisé',
  'Thématique(s) d’accompagnement',
  'Tags',
  'Nom de la démarche administrative',
  'Niveau d’autonomie (ou de l’atelier)',
  'Bénéficiaire réorienté',
  'Structure de redirection',
  'Commune de résidence du bénéficiaire',
  'Genre du bénéficiaire',
  'Tranche d’âge du bénéficiaire',
  'Statut du bénéficiaire',
  'Notes supplémentaires',
];

export interface CoopActivity {
  date: Date;
  type: 'Atelier collectif' | 'Accompagnement individuel';
  participants: number;
  channel: string;
  place: string;
  duration: number;
  name: string;
  themes: string[];
}

export async function coopExport(activities: CoopActivity[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Activités');
  sheet.addRow(['Informations export']).font = { bold: true };
  sheet.addRows([['Nom', 'Dupont'], ['Prénom', 'Camille'], ['Rôle', 'Conseiller numérique'], ['Total', activities.length], ['Date d’export', '02/06/2025'], ['Heure d’export', '10:12'], []]);
  sheet.addRow(['Filtres']).font = { bold: true };
  sheet.addRows([['Période', '-'], ['Types', 'Atelier collectif'], ['Communes', 'Commune : Lyon 2eme · 69002'], ['Lieux', '-'], ['Bénéficiaires', '-'], ['Thématiques', '-']]);
  const separator = sheet.addRow(['']);
  sheet.addTable({
    name: 'Activites',
    ref: `A${separator.number + 1}`,
    headerRow: true,
    totalsRow: false,
    columns: COOP_HEADERS.map((name) => ({ name, filterButton: true })),
    rows: activities.map((a) => [a.date, a.type, a.participants, '', a.channel, a.place, a.duration, a.name, 'Ordinateur', a.themes.join('\n'), '', '', '', '', '', '', '', '', '', '']),
  });
  sheet.getColumn(1).eachCell({ includeEmpty: true }, (cell, row) => {
    if (row > separator.number && cell.value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
