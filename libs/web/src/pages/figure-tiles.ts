import type { Figures } from '@cafeia/projections';
import { figure, ratioFigure, stat, stats } from '../components';
import type { Html } from '../html';

/**
 * A dashboard's figures as tiles, each carrying its contract name (`data-figure`). The national page shows
 * people reached in its hero and adds the share of cafés held outside Paris; a territory page shows them all.
 */
export function figureTiles(f: Figures, shown: { peopleReached: boolean; shareOutsideParis: boolean }): Html {
  return stats([
    ...(shown.peopleReached ? [stat('personnes touchées', figure('figures.peopleReached', f.peopleReached))] : []),
    stat('cafés tenus', figure('figures.cafesHeld', f.cafesHeld)),
    stat('cafés programmés à venir', figure('figures.cafesScheduled', f.cafesScheduled)),
    stat('structures actives', figure('figures.structuresActive', f.structuresActive)),
    ...(shown.shareOutsideParis ? [stat('des cafés tenus hors de Paris', ratioFigure('figures.shareOutsideParis', f.shareOutsideParis))] : []),
    stat('participants nommés distincts', figure('figures.distinctParticipants', f.distinctParticipants)),
    stat('personnes comptées sans contact', figure('figures.anonymousAttendees', f.anonymousAttendees)),
    stat('présences enregistrées', figure('figures.attendances', f.attendances)),
    stat('cafés annulés', figure('figures.cafesCancelled', f.cafesCancelled)),
  ]);
}
