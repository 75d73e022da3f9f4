import type { RegistrableComponent } from '../registry/ComponentRegistry';
import { CodeComponent } from './CodeComponent';
import { ConditionComponent } from './ConditionComponent';
import { DelayComponent } from './DelayComponent';
import { ForEachComponent } from './ForEachComponent';
import { HttpRequestComponent } from './HttpRequestComponent';
import { LogComponent } from './LogComponent';
import { ManualTriggerComponent } from './ManualTriggerComponent';
import { MergeComponent } from './MergeComponent';
import { RespondToWebhookComponent } from './RespondToWebhookComponent';
import { ScheduleTriggerComponent } from './ScheduleTriggerComponent';
import { SetVariableComponent } from './SetVariableComponent';
import { SubWorkflowComponent } from './SubWorkflowComponent';
import { SwitchComponent } from './SwitchComponent';
import { TransformComponent } from './TransformComponent';
import { WaitComponent } from './WaitComponent';
import { WebhookTriggerComponent } from './WebhookTriggerComponent';

/** Every built-in component, in palette order. */
export const builtinComponents: ReadonlyArray<RegistrableComponent> = [
  ManualTriggerComponent,
  WebhookTriggerComponent,
  ScheduleTriggerComponent,
  HttpRequestComponent,
  ConditionComponent,
  SwitchComponent,
  SubWorkflowComponent,
  ForEachComponent,
  WaitComponent,
  TransformComponent,
  CodeComponent,
  DelayComponent,
  MergeComponent,
  SetVariableComponent,
  LogComponent,
  RespondToWebhookComponent,
];
