/** Stream `participant-{id}` (personal data only encrypted, see libs/personal-data). */
export type ParticipantRegistered = {
  type: 'ParticipantRegistered';
  data: {
    participantId: string;
    /** AES-256-GCM ciphertext of {email?, phone?, name?} under the person's own key (base64) */
    personalData: string;
    /** keyed hashes of the normalised contacts, to recognise the person; never the contact itself */
    contactHashes: string[];
    at: string;
  };
};
export type ParticipantErased = {
  type: 'ParticipantErased';
  data: { participantId: string; at: string };
};
