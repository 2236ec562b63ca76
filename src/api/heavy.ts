import type { MiddlewareHandler } from 'hono';
import type { Env } from './auth.ts';
import { problem } from './problems.ts';

export interface HeavyOptions {
  /** How many may run at once for one programme. */
  perProgramme: number;
  /** Seconds a refused caller is told to wait. */
  retryAfter: number;
}

/**
 * A concurrency limit per programme for work that reads much (backtests, exports): past it the answer is 429
 * with `Retry-After`, so one caller cannot crowd out the tills. A streamed answer holds its slot until it ends.
 */
export function heavy(kind: string, options: HeavyOptions = { perProgramme: 1, retryAfter: 5 }): MiddlewareHandler<Env> {
  const running = new Map<string, number>();
  return async (c, next) => {
    // A HEAD answer's body is dropped unread, so it would never give its slot back; it reads too little to count.
    if (c.req.method === 'HEAD') return next();
    const programId = c.get('key').programId;
    const now = running.get(programId) ?? 0;
    if (now >= options.perProgramme) {
      c.header('retry-after', String(options.retryAfter));
      return problem(c, 'busy', `a ${kind} of this programme is already running; retry in ${options.retryAfter} s`, { retryAfter: options.retryAfter });
    }
    running.set(programId, now + 1);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const left = (running.get(programId) ?? 1) - 1;
      if (left > 0) running.set(programId, left);
      else running.delete(programId);
    };
    try {
      await next();
    } catch (error) {
      release();
      throw error;
    }
    const body = c.res.body;
    if (!body) return release();
    const reader = body.getReader();
    c.res = new Response(
      new ReadableStream<Uint8Array>({
        async pull(controller) {
          try {
            const { done, value } = await reader.read();
            if (done) {
              release();
              controller.close();
            } else controller.enqueue(value);
          } catch (error) {
            release();
            controller.error(error);
          }
        },
        cancel(reason) {
          release();
          return reader.cancel(reason);
        },
      }),
      c.res,
    );
  };
}
