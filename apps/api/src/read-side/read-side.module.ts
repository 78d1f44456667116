import { DynamicModule } from '@nestjs/common';
import { AppConfig } from '@cafeia/config';

/** The read side (read models, projector in the embedded default); wired once the projections land. */
export function readSideModules(_config: AppConfig): DynamicModule[] {
  return [];
}
