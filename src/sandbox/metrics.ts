/** `GET /metrics`: the sandbox's counters in the Prometheus text format (version 0.0.4). */
import type { SandboxEngine } from './engine.js';

function label(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

/** Counters of one running sandbox, besides what the store holds. */
export interface RuntimeCounters {
  readonly httpRequests: number;
  readonly rateLimited: number;
  readonly unreadable: number;
  readonly readOnThread: number;
}

/** The metrics text. */
export function metricsText(engine: SandboxEngine, counters: RuntimeCounters): string {
  const lines: string[] = [];
  const family = (name: string, help: string, type: 'counter' | 'gauge', samples: readonly string[]) => {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, ...samples);
  };
  family('cbec_sandbox_messages_total', 'CEB messages taken, by type and outcome.', 'counter', engine.store.messageCounts().map((m) => `cbec_sandbox_messages_total{type="${label(m.type)}",outcome="${label(m.outcome)}"} ${m.count}`));
  family('cbec_sandbox_receipts_total', 'Receipts written, by type and returnStatus.', 'counter', engine.store.receiptCounts().map((r) => `cbec_sandbox_receipts_total{type="${label(r.type)}",status="${r.status}"} ${r.count}`));
  family('cbec_sandbox_orders', 'Orders by channel and machine state.', 'gauge', engine.store.orderStates().map((o) => `cbec_sandbox_orders{channel="${label(o.channel)}",state="${label(o.state)}"} ${o.count}`));
  family('cbec_sandbox_scheduled_jobs', 'Work scheduled on the sandbox clock.', 'gauge', [`cbec_sandbox_scheduled_jobs ${engine.store.jobCount()}`]);
  family('cbec_sandbox_webhook_deliveries', 'Webhook deliveries by state (dead: given up, see /admin/dead-letters).', 'gauge', engine.store.deliveryCounts().map((d) => `cbec_sandbox_webhook_deliveries{state="${label(d.state)}"} ${d.count}`));
  family('cbec_sandbox_clock_ms', 'Sandbox time, epoch ms.', 'gauge', [`cbec_sandbox_clock_ms ${engine.clock.now()}`]);
  family('cbec_sandbox_http_requests_total', 'HTTP requests answered.', 'counter', [`cbec_sandbox_http_requests_total ${counters.httpRequests}`]);
  family('cbec_sandbox_rate_limited_total', 'Requests answered 429.', 'counter', [`cbec_sandbox_rate_limited_total ${counters.rateLimited}`]);
  family('cbec_sandbox_unreadable_total', 'Messages answered with CEB900.', 'counter', [`cbec_sandbox_unreadable_total ${counters.unreadable}`]);
  family('cbec_sandbox_read_on_thread_total', "Posted messages read on the reader thread (the others on the server's own).", 'counter', [`cbec_sandbox_read_on_thread_total ${counters.readOnThread}`]);
  return `${lines.join('\n')}\n`;
}
