/**
 * A fuzz worker process: runs the cases its parent (pool.ts) sends, one at a time, and reports when each
 * CLI run starts and ends so the parent can kill it on a hang. Started with `node --import tsx`.
 */
import { runCase, type CaseSpec } from './runCase';

export type ToWorker = { type: 'case'; spec: CaseSpec };
export type FromWorker =
  | { type: 'ready' }
  | { type: 'cli-start'; step: string; label: string; bytes: number }
  | { type: 'cli-end' }
  | { type: 'result'; result: Awaited<ReturnType<typeof runCase>> };

const send = (m: FromWorker) => process.send!(m);

process.on('message', (m: ToWorker) => {
  if (m.type !== 'case') return;
  void runCase(m.spec, {
    cliStart: (step, label, bytes) => send({ type: 'cli-start', step, label, bytes }),
    cliEnd: () => send({ type: 'cli-end' }),
  }).then((result) => send({ type: 'result', result }));
});
send({ type: 'ready' });
