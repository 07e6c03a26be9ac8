// What the command prints: one line per check as it finishes, then the summary by resource and the coverage.
import type { CheckResult, Coverage, Report } from '../types.js';

export interface Paint {
  green(text: string): string;
  red(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const ansi = (code: number) => (text: string) => `\u001b[${code}m${text}\u001b[0m`;
export const colors: Paint = { green: ansi(32), red: ansi(31), dim: ansi(2), bold: ansi(1) };
export const plain: Paint = { green: (t) => t, red: (t) => t, dim: (t) => t, bold: (t) => t };

/** `✓ Contacts > getContact > 200  12 ms`, with the reason under a failure and beside a skip. */
export function progressLine(result: CheckResult, paint: Paint = plain): string {
  const ms = paint.dim(`${result.durationMs} ms`);
  if (result.outcome === 'passed') return `${paint.green('✓')} ${result.name}  ${ms}`;
  if (result.outcome === 'skipped') return `${paint.dim('-')} ${result.name}  ${paint.dim(`skipped: ${result.message ?? ''}`)}`;
  const message = (result.message ?? 'failed').split('\n').map((line) => `    ${line}`).join('\n');
  return `${paint.red('✗')} ${result.name}  ${ms}\n${paint.red(message)}`;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '))
    .join('\n');
}

/** At most `max` names, then how many more. */
function brief(names: string[], max = 12): string {
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown}, … (${names.length - max} more)` : shown;
}

export function coverageLines(coverage: Coverage): string[] {
  const { operations, statuses } = coverage;
  const lines = [
    `Operations exercised:          ${operations.exercised}/${operations.total} (${operations.percent}%)`,
    `Documented statuses exercised: ${statuses.exercised}/${statuses.total} (${statuses.percent}%)`,
  ];
  if (operations.missing.length > 0) lines.push(`  operations not exercised: ${brief(operations.missing)}`);
  if (statuses.missing.length > 0) lines.push(`  statuses not exercised: ${brief(statuses.missing)}`);
  return lines;
}

export function summaryText(report: Report, paint: Paint = plain): string {
  const rows = [['resource', 'passed', 'failed', 'skipped']];
  for (const row of report.summary) rows.push([row.resource, String(row.passed), String(row.failed), String(row.skipped)]);
  rows.push(['total', String(report.totals.passed), String(report.totals.failed), String(report.totals.skipped)]);
  const failures = report.results.filter((r) => r.outcome === 'failed');
  const verdict = report.ok
    ? paint.green(`The server keeps the contract: ${report.totals.passed} checks passed, ${report.totals.skipped} skipped.`)
    : paint.red(`The server breaks the contract: ${failures.length} of ${report.results.length} checks failed.`);
  const lines = [
    '',
    paint.bold(`Conformance of ${report.target.baseUrl}${report.target.reference ? ' (reference server)' : ''}`),
    '',
    table(rows),
    '',
    ...coverageLines(report.coverage),
    '',
  ];
  if (failures.length > 0) {
    lines.push(paint.bold('Failures:'));
    for (const failure of failures) lines.push(`  ${paint.red('✗')} ${failure.name}: ${(failure.message ?? '').split('\n').join('\n      ')}`);
    lines.push('');
  }
  if (!report.target.burnToken) lines.push(paint.dim('No --burn-token: the 429 (rate limit) checks were skipped.'));
  if (!report.target.otherToken) lines.push(paint.dim('No --token-other: the checks that need a second account were skipped.'));
  lines.push(`${verdict} ${paint.dim(`(${(report.durationMs / 1000).toFixed(1)} s)`)}`);
  return lines.join('\n');
}
