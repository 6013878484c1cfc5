/** An image as it goes into a request: a public URL or a base64 data URL. */
export type ImagePayload =
  | { kind: 'url'; url: string }
  | { kind: 'data'; dataUrl: string; mime: string; bytes: number; width?: number; height?: number };

/** An earlier question and answer of the same conversation. */
export interface PriorTurn {
  question: string;
  answer: string;
}

export interface ChatBodyInput {
  model: string;
  /** The question being asked now. */
  prompt: string;
  images: ImagePayload[];
  /** Earlier turns: the first question carries the images, later ones are text only. */
  turns?: PriorTurn[];
  system?: string;
  maxTokens?: number;
  detail?: 'auto' | 'low' | 'high';
  /** Extra top-level fields (routing, fallbacks), merged into the body as they are. */
  extra?: ChatBodyExtras;
}

/** OpenRouter routing fields a body may carry besides the basics. */
export interface ChatBodyExtras {
  models?: string[];
  provider?: { zdr?: boolean; data_collection?: 'allow' | 'deny' };
}

type ContentPart =
  | { type: 'text'; text: string }
  | { type: 'image_url'; image_url: { url: string; detail: 'auto' | 'low' | 'high' } };

export interface ChatBody {
  model: string;
  messages: (
    | { role: 'system'; content: string }
    | { role: 'user'; content: ContentPart[] | string }
    | { role: 'assistant'; content: string }
  )[];
  stream: true;
  max_tokens?: number;
  models?: string[];
  provider?: ChatBodyExtras['provider'];
}

export const SYSTEM_PROMPT =
  'You describe images accurately and concisely. Answer in Markdown. Never invent details you cannot see.';

/**
 * The chat-completions body: the text part first, then each image part (the order
 * OpenRouter recommends), streamed. In a follow-up, the images go once, with the first
 * question; the earlier answers and the new question follow as text.
 */
export function buildChatBody(input: ChatBodyInput): ChatBody {
  const turns = input.turns ?? [];
  const firstQuestion = turns[0]?.question ?? input.prompt;
  const content: ContentPart[] = [{ type: 'text', text: firstQuestion }];
  for (const image of input.images) {
    const url = image.kind === 'url' ? image.url : image.dataUrl;
    content.push({ type: 'image_url', image_url: { url, detail: input.detail ?? 'auto' } });
  }
  const messages: ChatBody['messages'] = [
    { role: 'system', content: input.system ?? SYSTEM_PROMPT },
    { role: 'user', content },
  ];
  turns.forEach((turn, i) => {
    messages.push({ role: 'assistant', content: turn.answer });
    messages.push({ role: 'user', content: turns[i + 1]?.question ?? input.prompt });
  });
  const body: ChatBody = { model: input.model, messages, stream: true };
  if (input.maxTokens) body.max_tokens = input.maxTokens;
  if (input.extra) Object.assign(body, input.extra);
  return body;
}
