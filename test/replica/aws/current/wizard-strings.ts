import type { WizardProps } from '@cloudscape-design/components/wizard';
import { t } from '../page';

export function wizardStrings(): WizardProps.I18nStrings {
  return {
    stepNumberLabel: t.stepNumber,
    collapsedStepsLabel: t.collapsedSteps,
    skipToButtonLabel: (step) => `${t.next}: ${step.title}`,
    navigationAriaLabel: 'Steps',
    cancelButton: t.cancel,
    previousButton: t.previous,
    nextButton: t.next,
    optional: t.optional,
  };
}
