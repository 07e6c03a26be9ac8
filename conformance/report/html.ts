// The report a person reads: one self-contained HTML file (inline CSS, no script, no external asset). Summary and
// coverage first, then every failure with the rule it broke, the request sent and the response received; skipped
// and passed checks listed compactly at the end. Everything that comes from the server or the spec is escaped.
import type { CheckResult, CoverageCount, Exchange, Report } from '../types.js';
import { redact } from './junit.js';

export function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const STYLE = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2433;background:#f6f7f9;margin:0}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 12px;border-bottom:1px solid #d8dce3;padding-bottom:4px}
.meta{color:#5b6475;margin:0 0 16px}
.verdict{padding:12px 16px;border-radius:6px;font-weight:600;margin:16px 0}
.ok{background:#e3f5e8;color:#14662f;border:1px solid #a8dcb7}.ko{background:#fde8e8;color:#8f1c1c;border:1px solid #f0b4b4}
.totals{display:flex;gap:12px;margin:12px 0}.totals div{background:#fff;border:1px solid #d8dce3;border-radius:6px;padding:8px 16px;min-width:110px}
.totals b{display:block;font-size:22px}
table{border-collapse:collapse;background:#fff;width:100%}th,td{border:1px solid #d8dce3;padding:4px 10px;text-align:right}
th:first-child,td:first-child{text-align:left}th{background:#eef0f4}
td.bad{color:#8f1c1c;font-weight:600}
.bar{background:#e4e7ec;border-radius:4px;height:12px;width:100%;max-width:420px;overflow:hidden}.bar span{display:block;height:100%;background:#3c8d5a}
.failure{background:#fff;border:1px solid #f0b4b4;border-left:5px solid #c62828;border-radius:6px;padding:12px 16px;margin:0 0 16px}
.failure h3{margin:0 0 6px;font-size:16px}.tag{font-size:12px;color:#5b6475;font-weight:normal}
.rule{background:#fdf1f1;border-radius:4px;padding:6px 10px;white-space:pre-wrap;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px;margin:6px 0}
.exchange{display:grid;grid-template-columns:1fr 1fr;gap:12px}@media(max-width:800px){.exchange{grid-template-columns:1fr}}
pre{background:#1d2433;color:#e8ebf0;border-radius:4px;padding:10px;overflow:auto;max-height:420px;font-size:12.5px;margin:4px 0;white-space:pre-wrap;word-break:break-word}
h4{margin:8px 0 0;font-size:13px;color:#5b6475;text-transform:uppercase;letter-spacing:.04em}
ul.compact{columns:2;padding-left:20px;font-size:13px}ul.compact li{break-inside:avoid}
.skip{color:#5b6475}details{margin:6px 0}summary{cursor:pointer;font-weight:600}
`;

function percentBar(count: CoverageCount, label: string): string {
  const missing = count.missing.length
    ? `<details><summary>${count.missing.length} not exercised</summary><ul class="compact">${count.missing.map((m) => `<li>${html(m)}</li>`).join('')}</ul></details>`
    : '';
  return `<p><b>${html(label)}</b>: ${count.exercised} of ${count.total} (${count.percent}%)</p><div class="bar"><span style="width:${Math.min(100, Math.max(0, count.percent))}%"></span></div>${missing}`;
}

function requestText(exchange: Exchange): string {
  const { request } = exchange;
  const headers = Object.entries(request.headers).map(([n, v]) => `${n}: ${/^authorization$/i.test(n) ? redact(v) : v}`);
  return [`${request.method} ${request.url}`, ...headers, ...(request.body ? ['', request.body] : [])].join('\n');
}

function responseText(exchange: Exchange): string {
  const { response } = exchange;
  if (!response) return '(no response: the connection failed)';
  const headers = Object.entries(response.headers).map(([n, v]) => `${n}: ${v}`);
  return [`HTTP ${response.status}`, ...headers, ...(response.body ? ['', prettyJson(response.body)] : [])].join('\n');
}

function prettyJson(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

function failureSection(result: CheckResult, index: number): string {
  const exchanges = result.exchanges
    .map(
      (exchange) =>
        `<div class="exchange"><div><h4>Request sent</h4><pre>${html(requestText(exchange))}</pre></div><div><h4>Response received</h4><pre>${html(responseText(exchange))}</pre></div></div>`,
    )
    .join('');
  return `<section class="failure" id="failure-${index + 1}"><h3>${html(result.name)} <span class="tag">${html(result.kind)} · ${html(result.resource)} · ${result.durationMs} ms</span></h3>
<h4>Rule broken</h4><div class="rule">${html(result.message ?? 'failed')}</div>${exchanges}</section>`;
}

export function htmlReport(report: Report): string {
  const failures = report.results.filter((r) => r.outcome === 'failed');
  const skipped = report.results.filter((r) => r.outcome === 'skipped');
  const passed = report.results.filter((r) => r.outcome === 'passed');
  const rows = report.summary
    .map((r) => `<tr><td>${html(r.resource)}</td><td>${r.passed}</td><td${r.failed ? ' class="bad"' : ''}>${r.failed}</td><td>${r.skipped}</td></tr>`)
    .join('');
  const { totals } = report;
  const verdict = report.ok
    ? `<div class="verdict ok">The server keeps the contract: every check passed.</div>`
    : `<div class="verdict ko">The server breaks the contract: ${failures.length} of ${report.results.length} checks failed.</div>`;
  const byResource = new Map<string, CheckResult[]>();
  for (const r of passed) byResource.set(r.resource, [...(byResource.get(r.resource) ?? []), r]);
  const passedLists = [...byResource.entries()]
    .map(([resource, list]) => `<details><summary>${html(resource)} (${list.length})</summary><ul class="compact">${list.map((r) => `<li>${html(r.name)}</li>`).join('')}</ul></details>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Monica API conformance: ${html(report.target.baseUrl)}</title><style>${STYLE}</style></head>
<body><main>
<h1>Monica API conformance</h1>
<p class="meta">${html(report.target.baseUrl)}${report.target.reference ? ' (reference server)' : ''} · ${html(report.startedAt)} · ${(report.durationMs / 1000).toFixed(1)} s${report.only.length ? ` · only ${html(report.only.join(', '))}` : ''}</p>
${verdict}
<div class="totals"><div><b>${totals.passed}</b>passed</div><div><b>${totals.failed}</b>failed</div><div><b>${totals.skipped}</b>skipped</div></div>
<h2>By resource</h2>
<table><thead><tr><th>resource</th><th>passed</th><th>failed</th><th>skipped</th></tr></thead><tbody>${rows}</tbody>
<tfoot><tr><th>total</th><th>${totals.passed}</th><th>${totals.failed}</th><th>${totals.skipped}</th></tr></tfoot></table>
<h2>Coverage</h2>
${percentBar(report.coverage.operations, 'Operations exercised')}
${percentBar(report.coverage.statuses, 'Documented (operation, status) pairs exercised')}
<h2>Failures (${failures.length})</h2>
${failures.length ? failures.map(failureSection).join('\n') : '<p>None.</p>'}
<h2>Skipped (${skipped.length})</h2>
${skipped.length ? `<ul class="skip">${skipped.map((r) => `<li>${html(r.name)}: ${html(r.message ?? '')}</li>`).join('')}</ul>` : '<p>None.</p>'}
<h2>Passed (${passed.length})</h2>
${passedLists || '<p>None.</p>'}
</main></body></html>
`;
}
