import type { Embeddings } from '@langchain/core/embeddings';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Config } from '../src/config';
import { OpenAiCompatibleChatModel } from '../adapters/llm/openai-compatible-chat-model';
import { OpenAiCompatibleEmbeddings } from '../adapters/llm/openai-compatible-embeddings';

/**
 * The optional models the knowledge base can use, from the configuration: none by default (the
 * extractive answers need no model), a chat model with LLM_BASE_URL + LLM_MODEL, embeddings with
 * LLM_BASE_URL + EMBEDDINGS_MODEL.
 */
export function languageModelsFrom(config: Config): { chatModel?: BaseChatModel; embeddings?: Embeddings } {
  if (!config.LLM_BASE_URL) return {};
  const connection = {
    baseUrl: config.LLM_BASE_URL,
    ...(config.LLM_API_KEY !== undefined && { apiKey: config.LLM_API_KEY }),
  };
  return {
    ...(config.LLM_MODEL && {
      chatModel: new OpenAiCompatibleChatModel({ ...connection, model: config.LLM_MODEL }),
    }),
    ...(config.EMBEDDINGS_MODEL && {
      embeddings: new OpenAiCompatibleEmbeddings({ ...connection, model: config.EMBEDDINGS_MODEL }),
    }),
  };
}
