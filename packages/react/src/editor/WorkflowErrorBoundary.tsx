import { Component, type ContextType, type ErrorInfo, type ReactNode } from 'react';
import { enCore } from '../i18n/enCore';
import { I18nContext } from '../i18n/I18nContext';
import { mergeMessages } from '../i18n/mergeMessages';

/** Props of {@link WorkflowErrorBoundary}. */
export interface WorkflowErrorBoundaryProps {
  children?: ReactNode;
  /** Told about each error caught, after it is logged. */
  onError?: (error: Error, info: ErrorInfo) => void;
}

interface WorkflowErrorBoundaryState {
  hasError: boolean;
  error: Error | null;
}

/**
 * Catches render errors below it and shows "Something went wrong with the workflow editor."
 * (in the language of the `<I18nProvider>` around) with a "Try again" button that renders the children again (the seed's error boundary).
 *
 * @example
 * <WorkflowErrorBoundary>
 *   <MyWorkflowScreen />
 * </WorkflowErrorBoundary>
 */
export class WorkflowErrorBoundary extends Component<
  WorkflowErrorBoundaryProps,
  WorkflowErrorBoundaryState
> {
  static override contextType = I18nContext;
  declare context: ContextType<typeof I18nContext>;
  override state: WorkflowErrorBoundaryState = { hasError: false, error: null };

  static getDerivedStateFromError(error: Error): WorkflowErrorBoundaryState {
    return { hasError: true, error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Workflow Error:', error, info);
    this.props.onError?.(error, info);
  }

  private readonly reset = (): void => {
    this.setState({ hasError: false, error: null });
  };

  override render(): ReactNode {
    if (!this.state.hasError) return this.props.children;
    const { overrides, locale } = this.context;
    const text = mergeMessages(enCore.errorBoundary, overrides.errorBoundary);
    return (
      <div className="flowloom-root flowloom-error-fallback" role="alert" lang={locale}>
        <h2>{text.title}</h2>
        {this.state.error?.message ? (
          <p className="flowloom-error-fallback__detail">{this.state.error.message}</p>
        ) : null}
        <button type="button" className="flowloom-button" onClick={this.reset}>
          {text.tryAgain}
        </button>
      </div>
    );
  }
}
