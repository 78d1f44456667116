/** What checking a row needs from outside the file */
export interface CheckContext {
  /** who owns the refs (the token subject): ids are derived from it */
  importerKey: string;
  /**
   * Whether a commune code is a current commune or a municipal arrondissement (the API's 400
   * otherwise); the integrator passes the territories reference. Without it, only the shape is checked.
   */
  isKnownCommune?: (code: string) => boolean;
  /** La Coop's export names no structure of ours: the importer picks the one its workshops belong to */
  coopStructureId?: string;
}
