import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ComponentProps, useState } from 'react';
import { seedCredentials, unconfiguredClient } from '../../.storybook/credentialsApi';
import { WorkflowProvider } from '../hooks/WorkflowProvider';
import { CredentialPicker } from './CredentialPicker';

type PickerArgs = ComponentProps<typeof CredentialPicker>;

/** The parameter's value for the caption: a reference as JSON, plain text never shown. */
function describeValue(value: unknown): string {
  if (value === undefined) return 'none';
  return typeof value === 'string' ? 'plain text (hidden)' : JSON.stringify(value);
}

/** The picker with a label, holding its value as a node's parameters would; the value shown below. */
function LabelledPicker(args: PickerArgs) {
  const [value, setValue] = useState<unknown>(args.value);
  return (
    <div className="flowloom-field">
      <label className="flowloom-field__label" htmlFor={args.id}>
        Credential
      </label>
      <CredentialPicker {...args} value={value} onChange={setValue} />
      <p className="flowloom-field__help">
        Stored value: <code>{describeValue(value)}</code>
      </p>
    </div>
  );
}

/**
 * What a `secret` parameter shows: the user's credentials by name (never their values) from the
 * mock API, and "New credential…", which creates one through the API and selects it.
 */
const meta = {
  title: 'Editor/CredentialPicker',
  component: CredentialPicker,
  args: { id: 'credential', value: undefined, onChange: () => {} },
  loaders: [
    async () => {
      await seedCredentials();
      return {};
    },
  ],
  decorators: [
    (Story) => (
      <div className="flowloom-root" style={{ width: 340, padding: 12 }}>
        <Story />
      </div>
    ),
  ],
  render: (args) => <LabelledPicker {...args} />,
} satisfies Meta<typeof CredentialPicker>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A parameter asking for `bearer` credentials: only those are offered, and new ones ask for a token. */
export const BearerOnly: Story = { args: { credentialType: 'bearer' } };

/** A parameter naming no type: every credential, its type beside its name; the form asks for a type. */
export const AnyType: Story = {};

/** A type the editor does not know the fields of: the new-credential form takes named fields. */
export const CustomType: Story = { args: { credentialType: 'smtp' } };

/** A workflow from before credentials, holding the secret as text: a warning, never the text. */
export const LegacyPlainText: Story = {
  args: { credentialType: 'bearer', value: 'a-secret-typed-in-long-ago' },
};

/** A reference to a credential that was deleted since. */
export const MissingCredential: Story = {
  args: { credentialType: 'bearer', value: { credential_id: 'cred_deleted' } },
};

/** A server without a credential key: every credential route answers 501 NOT_CONFIGURED. */
export const NotConfigured: Story = {
  args: { credentialType: 'bearer' },
  loaders: [async () => ({ client: await unconfiguredClient() })],
  render: (args, { loaded }) => (
    <WorkflowProvider client={loaded.client}>
      <LabelledPicker {...args} />
    </WorkflowProvider>
  ),
};

/** The dark colour set, with the new-credential form a click away. */
export const Dark: Story = {
  args: { credentialType: 'basic' },
  decorators: [
    (Story) => (
      <div className="flowloom-root" data-color-mode="dark" style={{ width: 340, padding: 12 }}>
        <Story />
      </div>
    ),
  ],
};
