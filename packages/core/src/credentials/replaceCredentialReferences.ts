import type { ComponentRegistry } from '../registry/ComponentRegistry';
import type { WorkflowData } from '../schema/workflowData';
import type { CredentialPlaceholder } from './credentialPlaceholder';
import { isCredentialReference } from './credentialReference';

/**
 * A copy of a workflow document whose credential references (`{ credential_id, field? }` in a
 * parameter the registry declares `secret`) are replaced by `{ credential_type }` placeholders:
 * what export writes, so a file never names a stored credential. The document is not changed.
 *
 * @remarks Parameters are found through the registry's metadata, so a node of an unknown type
 * is left as it is, and so is a `secret` parameter holding an expression.
 */
export function replaceCredentialReferences(
  workflowData: WorkflowData,
  registry: ComponentRegistry,
): WorkflowData {
  let changed = false;
  const nodes = workflowData.nodes.map((node) => {
    const secrets = registry
      .getComponent(node.type)
      ?.parameters.filter((parameter) => parameter.type === 'secret');
    if (!secrets || secrets.length === 0) return node;
    let parameters: Record<string, unknown> | undefined;
    for (const parameter of secrets) {
      const value = Object.hasOwn(node.data.parameters, parameter.name)
        ? node.data.parameters[parameter.name]
        : undefined;
      if (!isCredentialReference(value)) continue;
      parameters ??= { ...node.data.parameters };
      const placeholder: CredentialPlaceholder = {
        credential_type: parameter.credential_type ?? null,
      };
      parameters[parameter.name] = placeholder;
    }
    if (!parameters) return node;
    changed = true;
    return { ...node, data: { ...node.data, parameters } };
  });
  return changed ? { ...workflowData, nodes } : workflowData;
}
