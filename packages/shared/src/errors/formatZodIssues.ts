import type { z } from 'zod';

/**
 * Renders zod issues as `path.to.field: message` lines.
 *
 * Every validation error in the fleet names the bad field this way, so a user can find it in
 * the file or event that carried it.
 */
export const formatZodIssues = (error: z.ZodError, maxIssues = 10): string => {
  const lines = error.issues.slice(0, maxIssues).map((issue) => {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
    return `${path}: ${issue.message}`;
  });
  if (error.issues.length > maxIssues) lines.push(`... and ${error.issues.length - maxIssues} more`);
  return lines.join('; ');
};
