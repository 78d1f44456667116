import { TRAINING_STATUSES, TrainingStatus } from '@cafeia/domain';
import { CommuneCode, Flag, OneOf, OptionalId, Text, Uuid } from '../http/dto-validators';

export class RegisterAnimatorDto {
  @OptionalId()
  id?: string;

  @Text(200, 'how the animator or digital mediator is shown in directories', 'Camille D.')
  displayName: string;

  @CommuneCode('INSEE code of the commune where the animator works')
  communeCode: string;

  @Uuid('the structure the animator belongs to', { required: false })
  structureId?: string;

  @Flag('the animator agrees to appear in the public directory (/public/v1/animators) with their display name and commune (default false)')
  listed?: boolean;
}

export class RecordTrainingStepDto {
  @OneOf(TRAINING_STATUSES)
  status: TrainingStatus;

  @Flag('only with completed: feels able to support users on AI')
  capable?: boolean;
}
