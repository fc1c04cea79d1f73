/** Password policy: at least 10 characters from at least 3 of lower case, upper case, digits and symbols. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MIN_CLASSES = 3;

export type PasswordProblem = 'TOO_SHORT' | 'TOO_FEW_CLASSES' | 'TOO_LONG';

/** The problems of a candidate password; empty when it meets the policy. */
export function checkPassword(password: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (Array.from(password).length < PASSWORD_MIN_LENGTH) problems.push('TOO_SHORT');
  if (password.length > 256) problems.push('TOO_LONG');
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((re) => re.test(password)).length;
  if (classes < PASSWORD_MIN_CLASSES) problems.push('TOO_FEW_CLASSES');
  return problems;
}
