import type { RegistrableComponent } from '../registry/ComponentRegistry';
import { CodeComponent } from './CodeComponent';
import { ConditionComponent } from './ConditionComponent';
import { DelayComponent } from './DelayComponent';
import { HttpRequestComponent } from './HttpRequestComponent';
import { LogComponent } from './LogComponent';
import { ManualTriggerComponent } from './ManualTriggerComponent';
import { MergeComponent } from './MergeComponent';
import { ScheduleTriggerComponent } from './ScheduleTriggerComponent';
import { SetVariableComponent } from './SetVariableComponent';
import { SwitchComponent } from './SwitchComponent';
import { TransformComponent } from './TransformComponent';
import { WebhookTriggerComponent } from './WebhookTriggerComponent';

/** Every built-in component, in palette order. */
export const builtinComponents: ReadonlyArray<RegistrableComponent> = [
  ManualTriggerComponent,
  WebhookTriggerComponent,
  ScheduleTriggerComponent,
  HttpRequestComponent,
  ConditionComponent,
  SwitchComponent,
  TransformComponent,
  CodeComponent,
  DelayComponent,
  MergeComponent,
  SetVariableComponent,
  LogComponent,
];
