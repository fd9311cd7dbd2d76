import { ErrorAlert } from '../../../components/ui/error-alert';
import { signInProblem } from '../utils/sign-in-errors';

/** The reason the last sign-in step failed, announced to screen readers. */
export function SignInProblemAlert({ error, step }: { error: unknown; step: 'password' | 'code' }) {
  const problem = signInProblem(error, step);
  return <ErrorAlert title={problem.title}>{problem.message}</ErrorAlert>;
}
