// "Step n of m" counts what the popup's checklist counts: the link's steps, with n the next one to do.
import { STEPS, type StepId } from '../../../core/flow';

export const checklistStep = (step: StepId): readonly [number, number] => [STEPS.indexOf(step) + 1, STEPS.length];
