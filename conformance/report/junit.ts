// JUnit XML for CI systems: one testsuite per resource, one testcase per check; a failure carries the rule broken
// as its message and the request and response in its body; skipped checks are marked skipped.
import type { CheckResult, Exchange, Report } from '../types.js';

/** Escapes text for XML, dropping the characters XML 1.0 cannot hold at all. */
export function xml(text: string): string {
  return text
    .replace(/[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function exchangeText(exchange: Exchange): string {
  const { request, response } = exchange;
  const lines = [`${request.method} ${request.url}`];
  for (const [name, value] of Object.entries(request.headers)) lines.push(`${name}: ${/^authorization$/i.test(name) ? redact(value) : value}`);
  if (request.body) lines.push('', request.body);
  lines.push('');
  if (!response) {
    lines.push('(no response)');
    return lines.join('\n');
  }
  lines.push(`HTTP ${response.status}`);
  for (const [name, value] of Object.entries(response.headers)) lines.push(`${name}: ${value}`);
  if (response.body) lines.push('', response.body);
  return lines.join('\n');
}

/** `Bearer abcdef…` → `Bearer abcd…`: reports are shared, tokens are not. */
export function redact(value: string): string {
  return value.replace(/^(Bearer\s+)(\S{0,4})\S*/i, (_, scheme: string, start: string) => `${scheme}${start}…`);
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function testcase(result: CheckResult): string {
  const open = `    <testcase classname="${xml(`${result.kind}.${result.resource}`)}" name="${xml(result.name)}" time="${seconds(result.durationMs)}"`;
  if (result.outcome === 'passed') return `${open}/>`;
  if (result.outcome === 'skipped') return `${open}>\n      <skipped message="${xml(result.message ?? '')}"/>\n    </testcase>`;
  const body = [result.message ?? '', ...result.exchanges.map(exchangeText)].join('\n\n');
  return `${open}>\n      <failure message="${xml(result.message ?? 'failed')}" type="contract">${xml(body)}</failure>\n    </testcase>`;
}

export function junitXml(report: Report): string {
  const suites = report.summary.map((row) => {
    const cases = report.results.filter((r) => r.resource === row.resource);
    const time = cases.reduce((sum, r) => sum + r.durationMs, 0);
    return [
      `  <testsuite name="${xml(row.resource)}" tests="${cases.length}" failures="${row.failed}" errors="0" skipped="${row.skipped}" time="${seconds(time)}" timestamp="${report.startedAt.replace(/\.\d+Z$/, '')}">`,
      ...cases.map(testcase),
      '  </testsuite>',
    ].join('\n');
  });
  const { passed, failed, skipped } = report.totals;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(`Monica API conformance of ${report.target.baseUrl}`)}" tests="${passed + failed + skipped}" failures="${failed}" errors="0" skipped="${skipped}" time="${seconds(report.durationMs)}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
