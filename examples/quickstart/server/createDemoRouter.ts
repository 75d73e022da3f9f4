import { Router } from 'express';

/** An order as the demo endpoint answers it. */
export interface DemoOrder {
  id: number;
  /** Grows with the id: `id * 20`, so order 7 totals 140 and order 3 totals 60. */
  total: number;
  /** Whether the total is over 100. */
  priority: boolean;
}

/** The demo order for an id: deterministic, so a sample run always takes the same branch. */
export function demoOrder(id: number): DemoOrder {
  const total = id * 20;
  return { id, total, priority: total > 100 };
}

/** The order answered when the URL names none, as when the editor's Execute runs a sample with no input. */
export const DEFAULT_DEMO_ORDER_ID = 7;

/**
 * The endpoint the "Order routing" sample calls: `GET /demo/orders/:id` answers
 * `{ id, total, priority }`, and 400 for an id that is not a positive integer.
 *
 * @remarks `GET /demo/orders/` (no id) answers order {@link DEFAULT_DEMO_ORDER_ID}: the editor's
 * Execute starts runs with an empty input, where `{{ input.order_id }}` renders as nothing.
 */
export function createDemoRouter(): Router {
  const router = Router();
  router.get('/demo/orders{/:id}', (req, res) => {
    const id = req.params.id === undefined ? DEFAULT_DEMO_ORDER_ID : Number(req.params.id);
    if (!Number.isSafeInteger(id) || id < 1) {
      res.status(400).json({ error: 'The order id must be a positive integer' });
      return;
    }
    res.json(demoOrder(id));
  });
  return router;
}
