import '@flowloom/react/styles.css';
import { type MessageOverrides, WorkflowList, WorkflowProvider } from '@flowloom/react';
import { workflowClient } from './workflowClient';

/** Props of {@link HomePage}. */
export interface HomePageProps {
  onOpen: (workflowId: string) => void;
  onCreate: () => void;
  /** The page's catalogue (German with `?lang=de`); English without one. */
  messages?: MessageOverrides;
}

/**
 * The home page: the saved workflows from `@flowloom/react`'s `<WorkflowList>`, with their
 * Active switch, last run, and Open, Duplicate, Export and Delete.
 */
export function HomePage({ onOpen, onCreate, messages }: HomePageProps) {
  return (
    <main className="quickstart-home">
      <WorkflowProvider client={workflowClient}>
        <WorkflowList
          title="Flowloom quickstart"
          onOpen={onOpen}
          onCreate={onCreate}
          colorMode="system"
          messages={messages}
        />
      </WorkflowProvider>
    </main>
  );
}
