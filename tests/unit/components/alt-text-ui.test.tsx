import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AltTextSitesSection } from '../../../components/AltTextSitesSection';
import { AltTextSwitch } from '../../../components/AltTextSwitch';
import { JobView } from '../../../components/JobView';
import { altTextNoticesItem } from '../../../utils/alt-text/store';
import type { Job } from '../../../utils/jobs/types';
import { altTextCopySetting, altTextSitesSetting } from '../../../utils/settings';

const tab = { id: 9, url: 'https://news.example.com/story' };
const getTab = async () => tab;

beforeEach(() => {
  fakeBrowser.reset();
});

function answerMessages() {
  const received: unknown[] = [];
  // fakeBrowser answers through sendResponse (a listener returning true), not a promise.
  fakeBrowser.runtime.onMessage.addListener(
    (message: unknown, _sender: unknown, sendResponse: (reply: unknown) => void) => {
      received.push(message);
      sendResponse({ ok: true, value: true });
      return true;
    },
  );
  return received;
}

describe('AltTextSwitch', () => {
  it('is a labelled switch; turning it on asks for this site only, then tells the background', async () => {
    const request = vi.fn(async () => true);
    (fakeBrowser as unknown as { permissions: object }).permissions = { request };
    const received = answerMessages();
    render(<AltTextSwitch getTab={getTab} />);
    const toggle = await screen.findByRole('switch', { name: 'Alt text on this site' });
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    fireEvent.click(toggle);
    await waitFor(() => expect(received).toHaveLength(1));
    expect(request).toHaveBeenCalledWith({ origins: ['https://news.example.com/*'] });
    expect(received[0]).toMatchObject({
      type: 'setAltTextSite',
      data: { site: 'https://news.example.com', enabled: true },
    });
    expect(await screen.findByText('Alt text turned on.')).toBeTruthy();
  });

  it('Firefox: a site not yet allowed is turned on from Options, in a tab (no prompt under the popup)', async () => {
    const request = vi.fn(async () => true);
    const contains = vi.fn(async () => false);
    (fakeBrowser as unknown as { permissions: object }).permissions = { request, contains };
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    const received = answerMessages();
    render(<AltTextSwitch getTab={getTab} grantInOptions />);
    fireEvent.click(await screen.findByRole('switch', { name: 'Alt text on this site' }));
    await waitFor(() => expect(close).toHaveBeenCalled());
    expect(create.mock.calls[0]?.[0].url).toMatch(
      /\/options\.html#alt-text=https%3A%2F%2Fnews\.example\.com$/,
    );
    expect(request).not.toHaveBeenCalled();
    expect(received).toHaveLength(0);
    close.mockRestore();
  });

  it('Firefox: a site already allowed is turned on at once', async () => {
    (fakeBrowser as unknown as { permissions: object }).permissions = {
      contains: async () => true,
    };
    const received = answerMessages();
    render(<AltTextSwitch getTab={getTab} grantInOptions />);
    fireEvent.click(await screen.findByRole('switch', { name: 'Alt text on this site' }));
    await waitFor(() => expect(received).toHaveLength(1));
    expect(received[0]).toMatchObject({
      data: { site: 'https://news.example.com', enabled: true },
    });
  });

  it('does nothing when the user refuses the permission', async () => {
    (fakeBrowser as unknown as { permissions: object }).permissions = {
      request: async () => false,
    };
    const received = answerMessages();
    render(<AltTextSwitch getTab={getTab} />);
    fireEvent.click(await screen.findByRole('switch', { name: 'Alt text on this site' }));
    expect(await screen.findByText(/needs access to news.example.com/)).toBeTruthy();
    expect(received).toHaveLength(0);
  });

  it('turning off asks no permission; a cap notice for this tab is shown', async () => {
    const request = vi.fn(async () => true);
    (fakeBrowser as unknown as { permissions: object }).permissions = { request };
    await altTextSitesSetting.setValue(['https://news.example.com']);
    await altTextNoticesItem.setValue({ '9': { scope: 'page', capUsd: 0.05, at: 1 } });
    const received = answerMessages();
    render(<AltTextSwitch getTab={getTab} />);
    await waitFor(() =>
      expect(screen.getByRole('switch').getAttribute('aria-checked')).toBe('true'),
    );
    expect(screen.getByRole('alert').textContent).toContain('$0.05 page limit');
    fireEvent.click(screen.getByRole('switch'));
    await waitFor(() => expect(received).toHaveLength(1));
    expect(request).not.toHaveBeenCalled();
    expect(received[0]).toMatchObject({ data: { enabled: false } });
  });

  it('is absent on pages that are not web sites', async () => {
    const { container } = render(
      <AltTextSwitch getTab={async () => ({ id: 1, url: 'chrome://newtab' })} />,
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(container.textContent).toBe('');
  });
});

const job: Job = {
  id: 'j',
  task: 'describe',
  prompt: 'p',
  images: [{ source: { srcUrl: 'https://a.example/a.png' } }],
  turns: [],
  status: 'streaming',
  text: 'A red square. A green',
  model: 'm',
  createdAt: 1,
  updatedAt: 1,
};
const noop = () => undefined;
const handlers = {
  onStop: noop,
  onRetry: noop,
  onOpenOptions: noop,
  onSend: noop,
  onRemoveImage: noop,
  onNewQuestion: noop,
  onCapture: noop,
};

describe('JobView accessibility', () => {
  it('announces whole sentences in a hidden live region; the visible answer is not live', () => {
    const { rerender } = render(<JobView job={job} {...handlers} />);
    const answer = screen.getByRole('region', { name: 'Answer' });
    expect(answer.getAttribute('aria-live')).toBeNull();
    const live = screen.getByTestId('announcer');
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(live.textContent).toBe('A red square.');
    rerender(
      <JobView
        job={{ ...job, status: 'done', text: 'A red square. A green one.' }}
        onStop={noop}
        onSend={noop}
        onRemoveImage={noop}
        onNewQuestion={noop}
        onCapture={noop}
        onRetry={noop}
        onOpenOptions={noop}
      />,
    );
    expect(live.textContent).toBe('A green one.');
    // Focus moves to the finished answer.
    expect(document.activeElement).toBe(screen.getByRole('region', { name: 'Answer' }));
  });

  it('an alt-text job says what it wrote and copies it when the user enabled that', async () => {
    await altTextCopySetting.setValue(true);
    const copy = vi.fn(async () => undefined);
    render(
      <JobView
        job={{
          ...job,
          task: 'alt-text',
          status: 'done',
          altText: { text: 'A red square', written: true },
        }}
        onStop={noop}
        onSend={noop}
        onRemoveImage={noop}
        onNewQuestion={noop}
        onCapture={noop}
        onRetry={noop}
        onOpenOptions={noop}
        copy={copy}
      />,
    );
    expect(screen.getByText(/Alt text written on the image: “A red square”/)).toBeTruthy();
    await waitFor(() => expect(copy).toHaveBeenCalledWith('A red square'));
    expect(await screen.findByText(/Copied to the clipboard/)).toBeTruthy();
  });

  it('does not copy alt text unless the user enabled it', async () => {
    const copy = vi.fn(async () => undefined);
    render(
      <JobView
        job={{
          ...job,
          task: 'alt-text',
          status: 'done',
          altText: { text: 'A red square', written: true },
        }}
        onStop={noop}
        onSend={noop}
        onRemoveImage={noop}
        onNewQuestion={noop}
        onCapture={noop}
        onRetry={noop}
        onOpenOptions={noop}
        copy={copy}
      />,
    );
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(copy).not.toHaveBeenCalled();
  });
});

describe('axe-core on the alt-text controls (happy-dom: structure and names, not colours)', () => {
  it('the switch with a cap notice has no violations', async () => {
    const axe = (await import('axe-core')).default;
    await altTextNoticesItem.setValue({ '9': { scope: 'day', capUsd: 0.5, at: 1 } });
    const { container } = render(
      <main>
        <h1>Iris</h1>
        <AltTextSwitch getTab={getTab} />
      </main>,
    );
    await screen.findByRole('switch', { name: 'Alt text on this site' });
    await screen.findByRole('alert');
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.passes.length).toBeGreaterThan(5); // axe really ran its rules here
    expect(result.violations.map((violation) => violation.id)).toEqual([]);
  });
});

describe('Options → Alt text, opened by the popup (Firefox)', () => {
  /** Options as the popup's switch opens it for `site`: the input the site goes in. */
  async function openedFor(site: string): Promise<HTMLInputElement> {
    location.hash = `#alt-text=${encodeURIComponent(site)}`;
    render(<AltTextSitesSection />);
    return (await screen.findByLabelText('Turn alt text on for a site')) as HTMLInputElement;
  }
  afterEach(() => {
    location.hash = '';
  });

  it('fills in the site and puts focus on Turn on', async () => {
    const input = await openedFor('https://news.example.com');
    await waitFor(() => expect(input.value).toBe('https://news.example.com'));
    expect(document.activeElement?.textContent).toBe('Turn on');
    expect(
      screen.getByText(
        /Press Turn on: the browser will ask whether Iris may read news\.example\.com/,
      ),
    ).toBeTruthy();
    // Read once: a reload of Options does not ask again.
    expect(location.hash).toBe('');
  });

  it('says nothing when the site is on already', async () => {
    await altTextSitesSetting.setValue(['https://news.example.com']);
    const input = await openedFor('https://news.example.com');
    await screen.findByText('https://news.example.com');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(input.value).toBe('');
    expect(screen.queryByText(/Press Turn on/)).toBeNull();
  });
});
