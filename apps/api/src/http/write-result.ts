import { ApiProperty } from '@nestjs/swagger';

/** Every accepted write answers the id and the global position of the last event the command appended. */
export class WriteResult {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'opaque global position; pass it as ?minPosition= to read your own write' })
  position: string;
}

export const writeResult = (id: string, position: string | null) => ({ id, position: position ?? '0' });
