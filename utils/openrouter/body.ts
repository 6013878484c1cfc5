/** An image as it goes into a request: a public URL or a base64 data URL. */
export type ImagePayload =
  | { kind: 'url'; url: string }
  | { kind: 'data'; dataUrl: string; mime: string; bytes: number; width?: number; height?: number };

export interface ChatBodyInput {
  model: string;
  prompt: string;
  images: ImagePayload[];
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
  messages: ({ role: 'system'; content: string } | { role: 'user'; content: ContentPart[] })[];
  stream: true;
  max_tokens?: number;
  models?: string[];
  provider?: ChatBodyExtras['provider'];
}

export const SYSTEM_PROMPT =
  'You describe images accurately and concisely. Answer in Markdown. Never invent details you cannot see.';

/**
 * The chat-completions body: the text part first, then each image part (the order
 * OpenRouter recommends), streamed.
 */
export function buildChatBody(input: ChatBodyInput): ChatBody {
  const content: ContentPart[] = [{ type: 'text', text: input.prompt }];
  for (const image of input.images) {
    const url = image.kind === 'url' ? image.url : image.dataUrl;
    content.push({ type: 'image_url', image_url: { url, detail: input.detail ?? 'auto' } });
  }
  const body: ChatBody = {
    model: input.model,
    messages: [
      { role: 'system', content: input.system ?? SYSTEM_PROMPT },
      { role: 'user', content },
    ],
    stream: true,
  };
  if (input.maxTokens) body.max_tokens = input.maxTokens;
  if (input.extra) Object.assign(body, input.extra);
  return body;
}
