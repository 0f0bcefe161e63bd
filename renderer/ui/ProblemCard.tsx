import { useTranslation } from 'react-i18next';
import { type Problem } from '../stores/problem';
import { Button } from './Button';
import { StateCard } from './StateCard';

/** A failed call, worded for an agent: "host unreachable" gets its own sentence, and always a retry. */
export function ProblemCard(props: { title: string; problem: Problem | null; onRetry: () => void; compact?: boolean; testId?: string }) {
  const { t } = useTranslation();
  const { title, problem, onRetry, compact, testId } = props;
  return (
    <StateCard
      icon="alert"
      tone="danger"
      title={title}
      compact={compact}
      testId={testId}
      action={
        <Button icon="retry" onClick={onRetry}>
          {t('problem.retry')}
        </Button>
      }
    >
      {problemText(t, problem)}
    </StateCard>
  );
}

export function problemText(t: ReturnType<typeof useTranslation>['t'], problem: Problem | null): string {
  if (!problem || problem.code === 'unavailable') return t('problem.unavailable');
  return t('problem.generic', { message: problem.message });
}
