import { render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { builtinComponentMetadata } from './builtinComponentMetadata';
import { ComponentIcon } from './ComponentIcon';
import { IconsContext } from './IconsContext';
import { iconPaths } from './iconPaths';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

const iconOf = (container: HTMLElement) => container.firstElementChild as HTMLElement;

describe('ComponentIcon', () => {
  it.each(Object.keys(iconPaths))(
    'draws the built-in %s with or without the Icon suffix',
    (key) => {
      for (const icon of [key, `${key}Icon`]) {
        const { container, unmount } = render(<ComponentIcon icon={icon} name="Step" />);
        expect(iconOf(container).tagName.toLowerCase()).toBe('svg');
        expect(container.querySelector('path')).toHaveAttribute('d', iconPaths[key]);
        unmount();
      }
    },
  );

  it.each(builtinComponentMetadata.map((component) => [component.name, component.icon]))(
    "draws the built-in component %s's icon %s",
    (name, icon) => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const { container } = render(<ComponentIcon icon={icon} name={name} />);
      expect(iconOf(container).tagName.toLowerCase()).toBe('svg');
      expect(warn).not.toHaveBeenCalled();
    },
  );

  it.each([
    'https://cdn.example.com/acme.svg',
    'http://intranet/acme.png',
    'data:image/svg+xml;base64,PHN2Zy8+',
    '/icons/acme.svg',
  ])('shows the image URL %s as an <img>', (url) => {
    const { container } = render(<ComponentIcon icon={url} name="Acme" />);
    expect(iconOf(container).tagName.toLowerCase()).toBe('img');
    expect(iconOf(container)).toHaveAttribute('src', url);
  });

  it("draws the host's own element for a name given through the editor's icons", () => {
    const { container, getByTestId } = render(
      <IconsContext.Provider value={{ AcmeLogo: <svg data-testid="acme" /> }}>
        <ComponentIcon icon="AcmeLogo" name="Acme" />
      </IconsContext.Provider>,
    );
    expect(getByTestId('acme')).toBeInTheDocument();
    expect(iconOf(container)).toHaveClass('flowloom-icon', 'flowloom-icon--custom');
  });

  it("lets the host's icons replace a built-in name", () => {
    const { getByTestId, container } = render(
      <IconsContext.Provider value={{ PlayIcon: <svg data-testid="own-play" /> }}>
        <ComponentIcon icon="PlayIcon" name="Manual Trigger" />
      </IconsContext.Provider>,
    );
    expect(getByTestId('own-play')).toBeInTheDocument();
    expect(container.querySelector('path')).toBeNull();
  });

  it('shows the first letter for an unknown name and warns once per name in development', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const first = render(<ComponentIcon icon="RocketShipIcon" name="launcher" />);
    expect(iconOf(first.container)).toHaveTextContent('L');
    expect(iconOf(first.container)).toHaveClass('flowloom-icon--letter');
    render(<ComponentIcon icon="RocketShipIcon" name="Launcher" />);
    render(<ComponentIcon icon="SpaceshipIcon" name="Other" />);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls[0]?.[0]).toContain('Unknown icon "RocketShipIcon"');
    expect(warn.mock.calls[0]?.[0]).toContain('PlayIcon');
    expect(warn.mock.calls[0]?.[0]).toContain('<WorkflowEditor icons=');
    expect(warn.mock.calls[1]?.[0]).toContain('"SpaceshipIcon"');
  });

  it('does not warn in a production build', () => {
    vi.stubEnv('NODE_ENV', 'production');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { container } = render(<ComponentIcon icon="NotAnIconInProduction" name="Quiet" />);
    expect(iconOf(container)).toHaveTextContent('Q');
    expect(warn).not.toHaveBeenCalled();
  });

  it('treats names of Object.prototype as unknown, not as icons', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { container } = render(<ComponentIcon icon="constructor" name="Odd" />);
    expect(iconOf(container)).toHaveTextContent('O');
  });

  it('shows the first letter, without a warning, when there is no icon', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { container } = render(<ComponentIcon icon={undefined} name="  plain" />);
    expect(iconOf(container)).toHaveTextContent('P');
    expect(warn).not.toHaveBeenCalled();
  });
});
