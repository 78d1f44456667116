import { trainingStepsToReach } from './training-steps';

describe('training steps to reach a file’s status', () => {
  it('someone new who completed the training is enrolled, then completed', () => {
    expect(trainingStepsToReach({ status: 'untrained' }, { status: 'completed', capable: true })).toEqual({ ok: true, steps: [{ status: 'enrolled' }, { status: 'completed', capable: true }] });
  });

  it('someone enrolled who dropped out needs only the last step', () => {
    expect(trainingStepsToReach({ status: 'enrolled' }, { status: 'dropped', capable: null })).toEqual({ ok: true, steps: [{ status: 'dropped' }] });
  });

  it('the same file again sends nothing', () => {
    expect(trainingStepsToReach({ status: 'completed', capable: true }, { status: 'completed', capable: true })).toEqual({ ok: true, steps: [] });
    expect(trainingStepsToReach({ status: 'enrolled' }, { status: 'enrolled', capable: null })).toEqual({ ok: true, steps: [] });
    expect(trainingStepsToReach({ status: 'dropped' }, { status: 'dropped', capable: null })).toEqual({ ok: true, steps: [] });
  });

  it('enrolling again after dropping out is allowed', () => {
    expect(trainingStepsToReach({ status: 'dropped' }, { status: 'enrolled', capable: null })).toEqual({ ok: true, steps: [{ status: 'enrolled' }] });
  });

  it('refuses what the API would: going back from completed, changing "capable" afterwards', () => {
    expect(trainingStepsToReach({ status: 'completed', capable: true }, { status: 'enrolled', capable: null })).toMatchObject({ ok: false, field: 'training_status' });
    expect(trainingStepsToReach({ status: 'completed', capable: true }, { status: 'completed', capable: false })).toMatchObject({ ok: false, field: 'capable' });
  });
});
