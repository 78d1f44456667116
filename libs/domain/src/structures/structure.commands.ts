import type { StructureKind } from './structure.events';

export type RegisterStructure = {
  type: 'RegisterStructure';
  structureId: string;
  name: string;
  kind: StructureKind;
  communeCode: string;
  siret: string | null;
  address: string | null;
  postalCode: string | null;
};
export type StructureCommand = RegisterStructure;
