export type RegisterParticipant = {
  type: 'RegisterParticipant';
  participantId: string;
  personalData: string;
  contactHashes: string[];
  now: string;
};
export type EraseParticipant = { type: 'EraseParticipant'; participantId: string; now: string };
export type ParticipantCommand = RegisterParticipant | EraseParticipant;
