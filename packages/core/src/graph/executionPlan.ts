import type { CompiledValue } from '../expressions/compileValue';
import type { RegisteredComponent } from '../registry/registeredComponent';
import type { RetrySettings } from '../schema/workflowData';

/** One step of a plan, with everything the engine needs precomputed. */
export interface PlanStep {
  /** Position in `plan.steps`. */
  readonly index: number;
  /** The node id. */
  readonly id: string;
  readonly component: RegisteredComponent;
  /** Parameter values with defaults applied; the dynamic ones are overwritten per run. */
  readonly baseParameters: Readonly<Record<string, unknown>>;
  /** Parameters holding expressions, resolved when the step starts. */
  readonly dynamicParameters: ReadonlyArray<{
    readonly name: string;
    readonly value: CompiledValue;
  }>;
  /** Time limit of one attempt, when set. */
  readonly timeoutMs: number | undefined;
  readonly retry: RetrySettings;
  /** Indices into `plan.edges` of the edges entering the step. */
  readonly incoming: readonly number[];
  /** Indices into `plan.edges` of the edges leaving the step. */
  readonly outgoing: readonly number[];
  /** Output handles with at least one edge leaving them. */
  readonly connectedHandles: ReadonlySet<string>;
  /** Whether runs start here. */
  readonly isEntry: boolean;
  /** Whether an entry step reaches it; unreachable steps are skipped at the start of a run. */
  readonly reachable: boolean;
}

/** One edge of a plan, by step index and resolved handle ids. */
export interface PlanEdge {
  readonly id: string;
  readonly source: number;
  readonly sourceHandle: string;
  readonly target: number;
  readonly targetHandle: string;
}

/** A validated workflow compiled for running: index-based, so the engine never scans the graph. */
export interface ExecutionPlan {
  readonly steps: readonly PlanStep[];
  readonly edges: readonly PlanEdge[];
  /** Step index by node id. */
  readonly indexById: ReadonlyMap<string, number>;
  /** Every node id, for expression errors that tell "not run yet" from "unknown". */
  readonly stepIds: ReadonlySet<string>;
}
