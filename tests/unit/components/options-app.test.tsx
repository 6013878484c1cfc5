import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { adviceFor } from '../../../components/error-advice';
import { App } from '../../../entrypoints/options/App';
import { IrisError } from '../../../utils/errors';
import { historyItem } from '../../../utils/history';
import { imageModelsFrom } from '../../../utils/openrouter/models';
import { optionsFocusItem } from '../../../utils/options-focus';
import {
  apiKeySetting,
  customEndpointSetting,
  firstByteTimeoutSetting,
  idleTimeoutSetting,
  imageTimeoutSetting,
  modelSetting,
  noDataProvidersSetting,
  presetsSetting,
} from '../../../utils/settings';
import { MODELS } from '../../fixtures/mock-server/server.mjs';
import { ERROR_CODES } from './error-codes';

const loadModels = vi.fn(async (_refresh: boolean) => ({
  fetchedAt: Date.UTC(2026, 0, 1),
  baseUrl: 'https://openrouter.ai/api/v1',
  models: imageModelsFrom({ data: MODELS }),
}));

async function renderApp() {
  render(<App loadModels={loadModels} />);
  return (await screen.findByRole('combobox', { name: 'Model' })) as HTMLInputElement;
}

function save() {
  fireEvent.click(screen.getByRole('button', { name: 'Save' }));
}

beforeEach(() => {
  fakeBrowser.reset();
  loadModels.mockClear();
});

describe('Options page', () => {
  it('a next step from the popup lands on its field, on opening and in a tab already open', async () => {
    await optionsFocusItem.setValue('endpoint-key');
    await renderApp();
    await waitFor(() => expect(document.activeElement?.id).toBe('endpoint-key'));
    expect(await optionsFocusItem.getValue()).toBeNull();
    // Options already open: the popup's next step reaches it through storage.
    await optionsFocusItem.setValue('never-sites');
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByLabelText('Sites where Iris never runs')),
    );
    expect(await optionsFocusItem.getValue()).toBeNull();
  });

  it('"Choose another model" lands on the model, selected, with the whole list open', async () => {
    await modelSetting.setValue('mistralai/mistral-7b-instruct');
    await optionsFocusItem.setValue('model');
    const model = await renderApp();
    await waitFor(() => expect(document.activeElement).toBe(model));
    expect([model.selectionStart, model.selectionEnd]).toEqual([0, model.value.length]);
    // Not filtered by the id that failed: every image-capable model is a choice.
    const list = () => document.getElementById('model-choices') as HTMLElement;
    const choices = () => within(list()).queryAllByRole('option');
    await waitFor(() => expect(list().hidden).toBe(false));
    expect(choices().length).toBe(imageModelsFrom({ data: MODELS }).length);
    fireEvent.input(model, { target: { value: 'gemini' } });
    expect(choices().map((o) => o.textContent)).toEqual([
      expect.stringContaining('google/gemini-2.5-flash'),
    ]);
  });

  it('every field a next step names is on the page', async () => {
    await renderApp();
    const fields = new Set<string>();
    for (const endpoint of [undefined, 'localhost:11434'])
      for (const status of [undefined, 404])
        for (const code of ERROR_CODES)
          for (const action of adviceFor({
            code,
            message: '',
            details: { endpoint, status, limit: 1000 },
          }).actions)
            if (action.kind === 'options') fields.add(action.field);
    expect(fields.size).toBeGreaterThanOrEqual(7);
    for (const field of fields) expect(document.getElementById(field), field).not.toBeNull();
  });

  it('the key is masked until Show, and Save stores it', async () => {
    await renderApp();
    const key = screen.getByLabelText('OpenRouter API key') as HTMLInputElement;
    expect(key.type).toBe('password');
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    expect(key.type).toBe('text');
    fireEvent.input(key, { target: { value: ' sk-or-v1-typed ' } });
    save();
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Saved'));
    expect(await apiKeySetting.getValue()).toBe('sk-or-v1-typed');
  });

  it('changes not saved say so, and leaving asks first; after Save (or signing out) it does not', async () => {
    await apiKeySetting.setValue('sk-or-v1-old');
    await renderApp();
    const leave = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('');
    expect(leave()).toBe(false);
    fireEvent.input(screen.getByLabelText('OpenRouter API key'), {
      target: { value: 'sk-or-v1-new' },
    });
    expect(status.textContent).toBe('Changes not saved yet.');
    await waitFor(() => expect(leave()).toBe(true));
    save();
    await waitFor(() => expect(status.textContent).toContain('Saved'));
    await waitFor(() => expect(leave()).toBe(false));
    // Signing out stores at once: nothing is left to save.
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(async () => expect(await apiKeySetting.getValue()).toBe(''));
    await new Promise((resolve) => setTimeout(resolve, 50)); // effects have run
    expect(leave()).toBe(false);
    // Nor does the line beside Save still speak of the Save before.
    expect(status.textContent).toBe('');
  });

  it('a setting changed elsewhere (the popup switched the model) reaches the open page; an edit here stays', async () => {
    await apiKeySetting.setValue('sk-or-v1-old');
    const model = await renderApp();
    const key = screen.getByLabelText('OpenRouter API key') as HTMLInputElement;
    fireEvent.input(key, { target: { value: 'sk-or-v1-typed' } });
    await modelSetting.setValue('openai/gpt-4o');
    await waitFor(() => expect(model.value).toBe('openai/gpt-4o'));
    expect(key.value).toBe('sk-or-v1-typed');
    // Saving now keeps the switched model and stores the typed key.
    save();
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Saved'));
    expect(await modelSetting.getValue()).toBe('openai/gpt-4o');
    expect(await apiKeySetting.getValue()).toBe('sk-or-v1-typed');
  });

  it("the endpoint's fields follow one by one: an edited model stays, another tab's new address arrives", async () => {
    await customEndpointSetting.setValue({
      enabled: true,
      baseUrl: 'http://localhost:11434/v1',
      model: 'llava',
    });
    await renderApp();
    const address = document.getElementById('endpoint-url') as HTMLInputElement;
    const model = document.getElementById('endpoint-model') as HTMLInputElement;
    fireEvent.input(model, { target: { value: 'llava:13b' } });
    // Another Options tab moves the endpoint to another port and saves.
    await customEndpointSetting.setValue({
      enabled: true,
      baseUrl: 'http://localhost:1234/v1',
      model: 'llava',
    });
    await waitFor(() => expect(address.value).toBe('http://localhost:1234/v1'));
    expect(model.value).toBe('llava:13b');
    save();
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Saved'));
    expect(await customEndpointSetting.getValue()).toEqual({
      enabled: true,
      baseUrl: 'http://localhost:1234/v1',
      model: 'llava:13b',
    });
  });

  it('Check key shows label, limit and what is left; a 401 says the key was refused', async () => {
    await apiKeySetting.setValue('sk-or-v1-x');
    const fetch = vi
      .spyOn(globalThis, 'fetch')
      .mockResolvedValueOnce(
        Response.json({ data: { label: 'work', limit: 10, limit_remaining: 7.5 } }),
      )
      .mockResolvedValueOnce(
        Response.json({ error: { code: 401, message: 'User not found.' } }, { status: 401 }),
      );
    await renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Check key' }));
    await screen.findByText('This key works.');
    expect(screen.getByText('work')).toBeTruthy();
    expect(screen.getByText('$10.00')).toBeTruthy();
    expect(screen.getByText('$7.50')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Check key' }));
    await screen.findByText(/did not accept your API key/);
    expect(fetch.mock.calls[0]?.[0]).toBe('https://openrouter.ai/api/v1/key');
  });

  it('the model picker filters image-capable models, shows prices, and picks with the keyboard', async () => {
    const combo = await renderApp();
    fireEvent.input(combo, { target: { value: 'claude' } });
    const list = await screen.findByRole('listbox', { name: 'Choices' });
    const options = within(list).getAllByRole('option');
    expect(options).toHaveLength(1);
    expect(options[0]?.getAttribute('aria-label')).toBe(
      'Anthropic: Claude Sonnet 4, $3.00 per million input tokens, $15.00 per million output tokens, $0.0048 per image',
    );
    fireEvent.input(combo, { target: { value: 'mistral' } });
    expect(within(list).queryAllByRole('option')).toHaveLength(0);
    fireEvent.input(combo, { target: { value: 'gpt' } });
    fireEvent.keyDown(combo, { key: 'ArrowDown' });
    expect(combo.getAttribute('aria-activedescendant')).toBe('model-option-0');
    fireEvent.keyDown(combo, { key: 'Enter' });
    expect(combo.value).toBe('openai/gpt-4o-mini');
    // A choice highlighted in a filtered list and left: back in the field, the whole list
    // shows with nothing highlighted, and Enter picks nothing the user did not see.
    fireEvent.input(combo, { target: { value: 'claude' } });
    fireEvent.keyDown(combo, { key: 'ArrowDown' });
    expect(combo.getAttribute('aria-activedescendant')).toBe('model-option-0');
    fireEvent.blur(combo);
    fireEvent.focus(combo);
    expect(combo.getAttribute('aria-activedescendant')).toBeNull();
    fireEvent.keyDown(combo, { key: 'Enter' });
    expect(combo.value).toBe('claude');
    fireEvent.input(combo, { target: { value: 'openai/gpt-4o-mini' } });
    save();
    await waitFor(async () => expect(await modelSetting.getValue()).toBe('openai/gpt-4o-mini'));
  });

  it('Refresh list asks for a fresh list', async () => {
    await renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Refresh list' }));
    expect(await screen.findByText('4 image-capable models.')).toBeTruthy();
    expect(loadModels.mock.calls.map((c) => c[0])).toContain(true);
  });

  it('offline, the model list says what to do instead of failing twice over', async () => {
    loadModels.mockRejectedValueOnce(new IrisError('network', 'Could not load the model list.'));
    await renderApp();
    expect(
      await screen.findByText(
        'Could not reach OpenRouter for its list of models: type a model id, or press Refresh list once online.',
      ),
    ).toBeTruthy();
  });

  it('a past answer reads as it did in the popup: Markdown rendered, no stray asterisks', async () => {
    await historyItem.setValue([
      {
        id: 'a',
        question: 'Describe',
        answer: '**Four quadrants.** Red, green,\n\n- blue\n- yellow',
        model: 'm',
        time: 1,
      },
    ]);
    await renderApp();
    const article = await within(screen.getByRole('list', { name: 'Past answers' })).findByRole(
      'article',
    );
    expect(article.querySelector('strong')?.textContent).toBe('Four quadrants.');
    expect(
      within(article)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['blue', 'yellow']);
    expect(article.textContent).not.toContain('**');
  });

  it('the no-data switch is saved', async () => {
    await renderApp();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Only providers that keep no data' }));
    save();
    await waitFor(async () => expect(await noDataProvidersSetting.getValue()).toBe(true));
  });

  it('the waiting limits show their defaults and are saved', async () => {
    await renderApp();
    const limits = within(screen.getByRole('group', { name: 'Waiting limits' }));
    const firstByte = limits.getByRole('spinbutton', {
      name: 'For the model to start answering (seconds)',
    }) as HTMLInputElement;
    const idle = limits.getByRole('spinbutton', {
      name: 'For the answer to go on after a pause (seconds)',
    }) as HTMLInputElement;
    const image = limits.getByRole('spinbutton', {
      name: 'For an image to download (seconds)',
    }) as HTMLInputElement;
    expect([firstByte.value, idle.value, image.value]).toEqual(['60', '45', '15']);
    fireEvent.input(firstByte, { target: { value: '20' } });
    fireEvent.input(idle, { target: { value: '30' } });
    fireEvent.input(image, { target: { value: '4' } });
    save();
    await waitFor(async () => expect(await imageTimeoutSetting.getValue()).toBe(4));
    expect(await firstByteTimeoutSetting.getValue()).toBe(20);
    expect(await idleTimeoutSetting.getValue()).toBe(30);
  });

  it('refuses a plain-http endpoint on another machine, accepts one on loopback', async () => {
    await renderApp();
    fireEvent.click(
      screen.getByRole('checkbox', { name: 'Use a custom endpoint instead of OpenRouter' }),
    );
    const url = screen.getByLabelText('Endpoint base URL');
    fireEvent.input(url, { target: { value: 'http://192.168.1.9:11434/v1' } });
    save();
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Not saved/));
    expect((await customEndpointSetting.getValue()).enabled).toBe(false);
    fireEvent.input(url, { target: { value: 'http://localhost:11434/v1/' } });
    save();
    await waitFor(async () =>
      expect((await customEndpointSetting.getValue()).baseUrl).toBe('http://localhost:11434/v1'),
    );
    expect(screen.getByText(/OLLAMA_ORIGINS/)).toBeTruthy();
  });

  it('adds a preset, shows it as a menu choice, and deletes it', async () => {
    await renderApp();
    fireEvent.input(screen.getByLabelText('Preset name'), { target: { value: 'Zebra check' } });
    fireEvent.input(screen.getByLabelText('Preset prompt'), {
      target: { value: 'Is there a zebra?' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add preset' }));
    expect(
      (await screen.findByRole('checkbox', { name: 'Show “Zebra check”' })) as HTMLInputElement,
    ).toHaveProperty('checked', true);
    expect((await presetsSetting.getValue()).custom[0]).toMatchObject({ name: 'Zebra check' });
    fireEvent.click(screen.getByRole('button', { name: 'Delete “Zebra check”' }));
    await waitFor(async () => expect((await presetsSetting.getValue()).custom).toEqual([]));
    expect(
      (screen.getByRole('checkbox', { name: 'Describe image (always shown)' }) as HTMLInputElement)
        .disabled,
    ).toBe(true);
  });

  it('History: total spend, search, delete one, clear all', async () => {
    await historyItem.setValue([
      { id: 'a', question: 'Describe', answer: 'A cat', model: 'm', cost: 0.002, time: 1 },
      { id: 'b', question: 'Describe', answer: 'A dog', model: 'm', cost: 0.003, time: 2 },
    ]);
    await renderApp();
    expect(await screen.findByText(/2 answers kept, total spend \$0\.00500/)).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Past answers' });
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search history' }), {
      target: { value: 'dog' },
    });
    expect(within(list).getAllByRole('article')).toHaveLength(1);
    fireEvent.click(
      within(list).getAllByRole('button', { name: /^Delete the answer from/ })[0] as HTMLElement,
    );
    await waitFor(async () =>
      expect((await historyItem.getValue()).map((e) => e.id)).toEqual(['a']),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Clear history' }));
    await waitFor(async () => expect(await historyItem.getValue()).toEqual([]));
  });
});
