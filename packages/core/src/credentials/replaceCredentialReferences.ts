import type { ComponentRegistry } from '../registry/ComponentRegistry';
import { isMissingValue } from '../schema/checkParameterValue';
import type { WorkflowData } from '../schema/workflowData';
import { type CredentialPlaceholder, isCredentialPlaceholder } from './credentialPlaceholder';

/**
 * A copy of a workflow document in which every value of a parameter the registry declares
 * `secret` is replaced by a `{ credential_type }` placeholder: what export writes, so a file
 * never names a stored credential nor carries a secret a draft held in plain text. The document
 * is not changed.
 *
 * @remarks Every value is replaced, not only credential references: a literal string (a draft
 * that pasted an API key where a credential belongs) and an expression (which may embed one) are
 * secrets as far as export knows. Placeholders and empty values stay. Parameters are found
 * through the registry's metadata, so a node of an unknown type is left as it is.
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
      if (isMissingValue(value) || isCredentialPlaceholder(value)) continue;
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
