import { SimpleChatModel, type BaseChatModelParams } from '@langchain/core/language_models/chat_models';
import type { BaseMessage } from '@langchain/core/messages';
import { postJson, type OpenAiCompatibleSettings } from './openai-compatible-client';

interface ChatCompletion {
  choices?: { message?: { content?: string | null } }[];
}

/**
 * A LangChain chat model for any OpenAI-compatible `/chat/completions` endpoint. Written here
 * because `@langchain/openai` requires Node 22 and this project runs on Node 20 as well.
 */
export class OpenAiCompatibleChatModel extends SimpleChatModel {
  constructor(
    private readonly settings: OpenAiCompatibleSettings & { model: string; temperature?: number },
    params: BaseChatModelParams = {},
  ) {
    super(params);
  }

  _llmType(): string {
    return 'openai-compatible';
  }

  async _call(messages: BaseMessage[]): Promise<string> {
    const completion = await postJson<ChatCompletion>(this.settings, '/chat/completions', {
      model: this.settings.model,
      temperature: this.settings.temperature ?? 0,
      messages: messages.map((message) => ({ role: roleOf(message), content: message.text })),
    });
    return completion.choices?.[0]?.message?.content ?? '';
  }
}

function roleOf(message: BaseMessage): 'system' | 'user' | 'assistant' {
  const type = message.getType();
  if (type === 'system') return 'system';
  if (type === 'ai') return 'assistant';
  return 'user';
}
