import { COLLECTIVITIES_NOT_DRAWN } from './geometry';

/**
 * What the map's licences ask to be shown. CC BY 4.0 wants the author, the title, the licence
 * and a note that the work was changed; MIT wants its notice kept, which the README and the
 * generated file's header do.
 */
export const MAP_ATTRIBUTION =
  'Fonds de carte : « Map of France departments » de Victor Cazanave (svg-maps), CC BY 4.0, simplifié ; ' +
  'outre-mer : DSFR Chart, © DINUM, licence MIT.';

/** The same with its links, for the page's figure caption or footer. */
export const MAP_ATTRIBUTION_HTML =
  'Fonds de carte : « <a href="https://github.com/VictorCazanave/svg-maps/tree/master/packages/france.departments">Map of France departments</a> » ' +
  'de Victor Cazanave, <a href="https://creativecommons.org/licenses/by/4.0/deed.fr" rel="license">CC BY 4.0</a>, simplifié ; ' +
  'outre-mer : <a href="https://github.com/GouvernementFR/dsfr-chart">DSFR Chart</a>, © DINUM, licence MIT.';

/** The one line drawn inside the map, short enough for its width. */
export const MAP_ATTRIBUTION_SHORT = 'Fonds : svg-maps, V. Cazanave (CC BY 4.0, simplifié) ; DSFR Chart, DINUM (MIT).';

/** Why some territories of the table are not on the map. */
export const MAP_CAPTION =
  `Départements et régions d'outre-mer en encarts, à des échelles différentes. ` +
  `Les collectivités d'outre-mer (${COLLECTIVITIES_NOT_DRAWN.map((c) => c.name).join(', ')}) ne figurent pas sur la carte : leurs chiffres sont dans le tableau.`;

export const MAP_CAPTION_SHORT = "Outre-mer à des échelles différentes. Collectivités d'outre-mer : voir le tableau.";
