// The load generator of `npm run bench:server-load`, in a process of its own (the parent forks
// it with an IPC channel): autocannon's API with per-request hooks, so that each request runs
// in a simulated client's own session and each save carries its draft's current version.
// Receives one LoadJob, answers one LoadOutcome, exits.
import autocannon from 'autocannon';
import { z } from 'zod';
import { answersSchema } from '../../src/contracts/certificates';

/** One simulated client: its session, and its own draft (saves, reads). */
const slotSchema = z.object({
  token: z.string(),
  certificateId: z.string(),
  version: z.number().int(),
});
export type Slot = z.infer<typeof slotSchema>;

export const loadJobSchema = z.object({
  url: z.string(),
  op: z.enum(['save', 'read', 'sign']),
  connections: z.number().int().min(1),
  durationSeconds: z.number().min(1),
  slots: z.array(slotSchema),
  /** Saves: the answers every save sends, with one free-text answer changed each time. */
  answers: answersSchema.optional(),
  /** Signs: complete drafts with consent, each signed once (version 1). */
  signDrafts: z.array(z.string()).default([]),
});
export type LoadJob = z.input<typeof loadJobSchema>;

export const loadOutcomeSchema = z.object({
  op: z.string(),
  connections: z.number(),
  duration: z.number(),
  responses: z.number(),
  ok: z.number(),
  conflicts: z.number(),
  otherNon2xx: z.record(z.string(), z.number()),
  errors: z.number(),
  timeouts: z.number(),
  p50: z.number(),
  p90: z.number(),
  p99: z.number(),
  max: z.number(),
  /** Signs made when every prepared draft was already used (they answer 409). */
  noFreshDraft: z.number(),
  /** Requests that found no idle client slot and shared one (a lost response leaks a slot). */
  sharedSlot: z.number(),
});
export type LoadOutcome = z.infer<typeof loadOutcomeSchema>;

const savedSchema = z.object({ certificate: z.object({ version: z.number().int() }) });

async function runJob(job: z.infer<typeof loadJobSchema>): Promise<LoadOutcome> {
  const idle = [...job.slots];
  const taken = new WeakMap<object, Slot>();
  let sharedSlot = 0;
  let nextDraft = 0;
  let noFreshDraft = 0;
  let saves = 0;
  const answers = job.answers ?? {};
  const freeText = typeof answers['19'] === 'string' ? answers['19'] : 'Utkast';

  const takeSlot = (context: object): Slot => {
    let slot = idle.pop();
    if (slot === undefined) {
      sharedSlot += 1;
      slot = job.slots[sharedSlot % job.slots.length];
    }
    if (slot === undefined) throw new Error('no client slots');
    taken.set(context, slot);
    return slot;
  };

  const request: autocannon.Request = {
    setupRequest(req, context) {
      const slot = takeSlot(context);
      const headers = {
        ...req.headers,
        authorization: `Bearer ${slot.token}`,
        'content-type': 'application/json',
      };
      switch (job.op) {
        case 'read':
          return {
            ...req,
            method: 'GET',
            path: `/api/certificates/${slot.certificateId}`,
            headers,
          };
        case 'save': {
          saves += 1;
          const body = JSON.stringify({
            version: slot.version,
            answers: { ...answers, '19': `${freeText} (${String(saves)})` },
          });
          return {
            ...req,
            method: 'PUT',
            path: `/api/certificates/${slot.certificateId}/answers`,
            headers,
            body,
          };
        }
        case 'sign': {
          let draft = job.signDrafts[nextDraft];
          if (draft === undefined) {
            noFreshDraft += 1;
            draft = job.signDrafts[nextDraft % Math.max(1, job.signDrafts.length)] ?? 'none';
          }
          nextDraft += 1;
          return {
            ...req,
            method: 'POST',
            path: `/api/certificates/${draft}/sign`,
            headers,
            body: JSON.stringify({ version: 1, method: 'siths' }),
          };
        }
      }
    },
    onResponse(status, body, context) {
      const slot = taken.get(context);
      if (slot === undefined) return;
      taken.delete(context);
      if (job.op === 'save' && status === 200) {
        const parsed = savedSchema.safeParse(JSON.parse(body));
        if (parsed.success) slot.version = parsed.data.certificate.version;
      }
      idle.push(slot);
    },
  };

  const result = await autocannon({
    url: job.url,
    connections: job.connections,
    pipelining: 1,
    duration: job.durationSeconds,
    timeout: 60,
    requests: [request],
  });
  const otherNon2xx: Record<string, number> = {};
  let conflicts = 0;
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) {
    const count = stats.count ?? 0;
    if (code === '409') conflicts += count;
    else if (!code.startsWith('2')) otherNon2xx[code] = count;
  }
  return {
    op: job.op,
    connections: job.connections,
    duration: result.duration,
    responses: result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'],
    ok: result['2xx'],
    conflicts,
    otherNon2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    noFreshDraft,
    sharedSlot,
  };
}

process.once('message', (message: unknown) => {
  runJob(loadJobSchema.parse(message)).then(
    (outcome) => {
      process.send?.(outcome, () => process.exit(0));
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
