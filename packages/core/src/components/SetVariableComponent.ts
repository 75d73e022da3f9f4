import { ErrorCode } from '../errors/errorCodes';
import { FlowloomError } from '../errors/FlowloomError';
import {
  BaseWorkflowComponent,
  type CustomParameterIssue,
} from '../registry/BaseWorkflowComponent';
import type { ParameterValues } from '../registry/parameterValues';
import { ComponentCategory } from '../schema/componentCategory';
import type { WorkflowComponentMetadataInput } from '../schema/componentMetadata';
import type { ExecutionContext } from '../schema/executionContext';
import type { ExecutionResult } from '../schema/executionResult';
import { isReservedId } from '../schema/isReservedId';
import { ParameterType } from '../schema/parameterType';
import { declareParameters } from './declareParameters';

const PARAMETERS = declareParameters([
  {
    name: 'name',
    label: 'Variable name',
    type: ParameterType.STRING,
    required: true,
    placeholder: 'order_total',
    description:
      'Letters, digits and _, not starting with a digit; read later as {{ vars.<name> }}.',
  },
  {
    name: 'value',
    label: 'Value',
    type: ParameterType.EXPRESSION,
    description: 'The value to store; left empty, the variable is set to null.',
  },
]);

type SetVariableParameters = ParameterValues<typeof PARAMETERS>;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Sets a run variable that later steps read as `{{ vars.<name> }}`. */
export class SetVariableComponent extends BaseWorkflowComponent {
  static getMetadata(): WorkflowComponentMetadataInput {
    return {
      type: 'set_variable',
      name: 'Set Variable',
      description: 'Store a value in a run variable for later steps.',
      category: ComponentCategory.UTILITIES,
      icon: 'VariableIcon',
      color: 'from-lime-500 to-green-600',
      parameters: [...PARAMETERS],
      input_handles: [{ id: 'input', type: 'target', position: 'left', label: 'Input' }],
      output_handles: [{ id: 'output', type: 'source', position: 'right', label: 'Output' }],
    };
  }

  /** Checks that the name is an identifier and not a reserved one. */
  static validateParameters(values: Readonly<Record<string, unknown>>): CustomParameterIssue[] {
    const { name } = values;
    if (typeof name !== 'string') return [];
    const problem = findNameProblem(name);
    return problem ? [{ parameter: 'name', message: problem }] : [];
  }

  async execute(context: ExecutionContext): Promise<ExecutionResult> {
    const { name, value = null } = context.input_data as SetVariableParameters;
    const problem = findNameProblem(name);
    if (problem) {
      throw new FlowloomError(ErrorCode.INVALID_PARAMETERS, problem, {
        issues: [{ path: 'name', message: problem }],
      });
    }
    return { success: true, output_data: { name, value }, set_variables: { [name]: value } };
  }
}

function findNameProblem(name: string): string | undefined {
  if (!IDENTIFIER.test(name)) {
    return 'Variable name must start with a letter or _ and hold only letters, digits and _';
  }
  if (isReservedId(name)) return `Variable name "${name}" is reserved`;
  return undefined;
}
