import { Embeddings, type EmbeddingsParams } from '@langchain/core/embeddings';
import { postJson, type OpenAiCompatibleSettings } from './openai-compatible-client';

interface EmbeddingResponse {
  data?: { index: number; embedding: number[] }[];
}

/** LangChain embeddings from any OpenAI-compatible `/embeddings` endpoint (OpenAI, Ollama's /v1, ...). */
export class OpenAiCompatibleEmbeddings extends Embeddings {
  constructor(
    private readonly settings: OpenAiCompatibleSettings & { model: string; batchSize?: number },
    params: EmbeddingsParams = {},
  ) {
    super(params);
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    const batchSize = this.settings.batchSize ?? 64;
    const vectors: number[][] = [];
    for (let start = 0; start < texts.length; start += batchSize) {
      vectors.push(...(await this.embedBatch(texts.slice(start, start + batchSize))));
    }
    return vectors;
  }

  async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.embedBatch([text]);
    if (!vector) throw new Error('the embeddings API returned no vector');
    return vector;
  }

  private async embedBatch(input: string[]): Promise<number[][]> {
    const response = await postJson<EmbeddingResponse>(this.settings, '/embeddings', {
      model: this.settings.model,
      input,
    });
    const data = response.data ?? [];
    if (data.length !== input.length)
      throw new Error(`the embeddings API returned ${data.length} vectors for ${input.length} texts`);
    return [...data].sort((a, b) => a.index - b.index).map((item) => item.embedding);
  }
}
