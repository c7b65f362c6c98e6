import { mulberry32 } from '../random/mulberry32';
/**
 * Latent semantic indexing of the docs (Deerwester et al., 1990): a truncated SVD of the
 * term-by-section matrix, computed at index time from the docs alone. Words the docs use in the
 * same sections end up near each other, so a question in other words than the docs' ("graphs of
 * how my provider performs") still lands near the sections about them ("carrier statistics"),
 * where BM25 needs the very words.
 *
 * The SVD is the randomized range finder of Halko, Martinsson and Tropp (2011) with two power
 * iterations and a fixed seed: the same docs always give the same index.
 */

/** Dimensions kept, and extra ones the range finder samples for accuracy. */
const DIMENSIONS = 100;
const OVERSAMPLING = 20;
const POWER_ITERATIONS = 2;
/** A term in a single section relates it to nothing else. */
const MIN_SECTIONS = 2;
const SEED = 20261130;

/** mulberry32 then Box-Muller: a seeded standard normal. */
function normalSource(seed: number): () => number {
  const random = mulberry32(seed);
  // Shifted half a step off 0, so the logarithm below never sees 0 (exact: powers of two).
  const uniform = (): number => random() + 0.5 / 4294967296;
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

/**
 * Orthonormalizes the columns of a row-major rows-by-cols matrix in place (modified Gram-Schmidt),
 * working on a column-major copy so that every pass reads memory in order.
 */
function orthonormalize(m: Float64Array, rows: number, cols: number): void {
  const t = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r += 1)
    for (let c = 0; c < cols; c += 1) t[c * rows + r] = m[r * cols + c] as number;
  for (let c = 0; c < cols; c += 1) {
    const col = t.subarray(c * rows, (c + 1) * rows);
    for (let p = 0; p < c; p += 1) {
      const prev = t.subarray(p * rows, (p + 1) * rows);
      let dot = 0;
      for (let r = 0; r < rows; r += 1) dot += (col[r] as number) * (prev[r] as number);
      for (let r = 0; r < rows; r += 1) col[r] = (col[r] as number) - dot * (prev[r] as number);
    }
    let norm = 0;
    for (let r = 0; r < rows; r += 1) norm += (col[r] as number) ** 2;
    norm = Math.sqrt(norm);
    for (let r = 0; r < rows; r += 1) col[r] = norm > 1e-12 ? (col[r] as number) / norm : 0;
  }
  for (let r = 0; r < rows; r += 1)
    for (let c = 0; c < cols; c += 1) m[r * cols + c] = t[c * rows + r] as number;
}

/** Eigenvectors of a symmetric n-by-n matrix (cyclic Jacobi), largest eigenvalue first, as columns. */
function symmetricEigenvectors(a: Float64Array, n: number): { vectors: Float64Array; values: number[] } {
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 50; sweep += 1) {
    let off = 0;
    for (let p = 0; p < n; p += 1) for (let q = p + 1; q < n; q += 1) off += (a[p * n + q] as number) ** 2;
    if (off < 1e-20) break;
    for (let p = 0; p < n; p += 1) {
      for (let q = p + 1; q < n; q += 1) {
        const apq = a[p * n + q] as number;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = ((a[q * n + q] as number) - (a[p * n + p] as number)) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k += 1) {
          const akp = a[k * n + p] as number;
          const akq = a[k * n + q] as number;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k += 1) {
          const apk = a[p * n + k] as number;
          const aqk = a[q * n + k] as number;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k += 1) {
          const vkp = v[k * n + p] as number;
          const vkq = v[k * n + q] as number;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = [...Array(n).keys()].sort((x, y) => (a[y * n + y] as number) - (a[x * n + x] as number));
  const vectors = new Float64Array(n * n);
  order.forEach((from, to) => {
    for (let k = 0; k < n; k += 1) vectors[k * n + to] = v[k * n + from] as number;
  });
  return { vectors, values: order.map((i) => a[i * n + i] as number) };
}

/** The docs' sections and the query, in the latent space of the term-by-section matrix. */
export class LatentSemantics {
  private constructor(
    private readonly rowOf: ReadonlyMap<string, number>,
    private readonly idf: Float64Array,
    /**
     * The left singular vectors as Q W: the range basis Q (row-major terms-by-`width`) and the
     * rotation W (row-major `width`-by-`width`, first `dims` columns used). A query has a few
     * terms, so it is projected through both at query time rather than multiplying them out
     * for every term at build.
     */
    private readonly basis: Float64Array,
    private readonly rotation: Float64Array,
    private readonly width: number,
    /** Unit section vectors, row-major sections-by-`dims`, by section id. */
    private readonly sectionVectors: Float32Array,
    private readonly dims: number,
    readonly sectionCount: number,
  ) {
    this.inBasis = new Float64Array(width);
    this.query = new Float64Array(dims);
  }

  /** Scratch space for the query in the range basis and in the latent space, reused by every query. */
  private readonly inBasis: Float64Array;
  private readonly query: Float64Array;

  /**
   * Builds the latent space from each section's index terms (by section id). Entries are
   * (1 + log tf) * idf, each section's column scaled to unit length.
   */
  static build(sectionTerms: readonly (readonly string[])[], dimensions = DIMENSIONS): LatentSemantics {
    const sections = sectionTerms.length;
    const documentFrequency = new Map<string, number>();
    for (const terms of sectionTerms)
      for (const term of new Set(terms)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    const rowOf = new Map<string, number>();
    for (const [term, df] of documentFrequency)
      if (df >= MIN_SECTIONS && df < sections) rowOf.set(term, rowOf.size);
    const rows = rowOf.size;
    const idf = new Float64Array(rows);
    for (const [term, row] of rowOf) idf[row] = Math.log(sections / (documentFrequency.get(term) ?? 1));
    // Sparse columns: for each section, its rows and weights.
    const columnRows: Int32Array[] = [];
    const columnWeights: Float64Array[] = [];
    for (const terms of sectionTerms) {
      const counts = new Map<number, number>();
      for (const term of terms) {
        const row = rowOf.get(term);
        if (row !== undefined) counts.set(row, (counts.get(row) ?? 0) + 1);
      }
      const r = Int32Array.from(counts.keys());
      const w = Float64Array.from(counts, ([row, tf]) => (1 + Math.log(tf)) * (idf[row] as number));
      const norm = Math.sqrt(w.reduce((sum, x) => sum + x * x, 0));
      if (norm > 0) for (let i = 0; i < w.length; i += 1) w[i] = (w[i] as number) / norm;
      columnRows.push(r);
      columnWeights.push(w);
    }
    const width = Math.min(dimensions + OVERSAMPLING, rows, sections);
    const dims = Math.min(dimensions, width);
    // Y = A * Omega: rows-by-width.
    const normal = normalSource(SEED);
    const omega = new Float64Array(sections * width).map(() => normal());
    const timesA = (right: Float64Array): Float64Array => {
      const out = new Float64Array(rows * width);
      for (let j = 0; j < sections; j += 1) {
        const r = columnRows[j] as Int32Array;
        const w = columnWeights[j] as Float64Array;
        for (let i = 0; i < r.length; i += 1) {
          const base = (r[i] as number) * width;
          const weight = w[i] as number;
          for (let c = 0; c < width; c += 1)
            out[base + c] = (out[base + c] as number) + weight * (right[j * width + c] as number);
        }
      }
      return out;
    };
    const timesAT = (left: Float64Array): Float64Array => {
      const out = new Float64Array(sections * width);
      for (let j = 0; j < sections; j += 1) {
        const r = columnRows[j] as Int32Array;
        const w = columnWeights[j] as Float64Array;
        for (let i = 0; i < r.length; i += 1) {
          const base = (r[i] as number) * width;
          const weight = w[i] as number;
          for (let c = 0; c < width; c += 1)
            out[j * width + c] = (out[j * width + c] as number) + weight * (left[base + c] as number);
        }
      }
      return out;
    };
    let y = timesA(omega);
    for (let iteration = 0; iteration < POWER_ITERATIONS; iteration += 1) {
      orthonormalize(y, rows, width);
      const z = timesAT(y);
      orthonormalize(z, sections, width);
      y = timesA(z);
    }
    orthonormalize(y, rows, width);
    // B^T = A^T Q (sections-by-width); B B^T = (B^T)^T B^T is width-by-width.
    const bt = timesAT(y);
    const gram = new Float64Array(width * width);
    for (let j = 0; j < sections; j += 1) {
      for (let p = 0; p < width; p += 1) {
        const x = bt[j * width + p] as number;
        if (x === 0) continue;
        for (let q = 0; q < width; q += 1)
          gram[p * width + q] = (gram[p * width + q] as number) + x * (bt[j * width + q] as number);
      }
    }
    const { vectors } = symmetricEigenvectors(gram, width);
    // U = Q W (terms), and each section's coordinates a_j^T U = (B^T W)_j, first `dims` columns.
    const project = (m: Float64Array, count: number): Float64Array => {
      const out = new Float64Array(count * dims);
      for (let i = 0; i < count; i += 1) {
        for (let p = 0; p < width; p += 1) {
          const x = m[i * width + p] as number;
          if (x === 0) continue;
          for (let d = 0; d < dims; d += 1)
            out[i * dims + d] = (out[i * dims + d] as number) + x * (vectors[p * width + d] as number);
        }
      }
      return out;
    };
    const sectionVectors = project(bt, sections);
    for (let j = 0; j < sections; j += 1) {
      let norm = 0;
      for (let d = 0; d < dims; d += 1) norm += (sectionVectors[j * dims + d] as number) ** 2;
      norm = Math.sqrt(norm);
      if (norm > 0)
        for (let d = 0; d < dims; d += 1)
          sectionVectors[j * dims + d] = (sectionVectors[j * dims + d] as number) / norm;
    }
    // Single precision halves the memory every query reads through; a cosine needs no more.
    return new LatentSemantics(
      rowOf,
      idf,
      y,
      vectors,
      width,
      Float32Array.from(sectionVectors),
      dims,
      sections,
    );
  }

  /**
   * Cosine of each section (by id) with the weighted query terms, into `out`; false when no
   * query term is in the latent space (then `out` is left as it was).
   */
  similarities(terms: ReadonlyMap<string, number>, out: Float64Array): boolean {
    const norm = this.project(terms);
    if (norm === 0) return false;
    this.cosines(norm, out);
    return true;
  }

  /** Puts the weighted query terms into the latent space (`this.query`); its length, 0 for none. */
  private project(terms: ReadonlyMap<string, number>): number {
    const { dims, width, basis, rotation } = this;
    const inBasis = this.inBasis.fill(0);
    let any = false;
    for (const [term, weight] of terms) {
      const row = this.rowOf.get(term);
      if (row === undefined) continue;
      any = true;
      const w = weight * (this.idf[row] as number);
      const offset = row * width;
      for (let c = 0; c < width; c += 1)
        inBasis[c] = (inBasis[c] as number) + w * (basis[offset + c] as number);
    }
    if (!any) return 0;
    const query = this.query.fill(0);
    for (let c = 0; c < width; c += 1) {
      const x = inBasis[c] as number;
      const offset = c * width;
      for (let d = 0; d < dims; d += 1)
        query[d] = (query[d] as number) + x * (rotation[offset + d] as number);
    }
    let norm = 0;
    for (let d = 0; d < dims; d += 1) norm += (query[d] as number) ** 2;
    return Math.sqrt(norm);
  }

  /**
   * The dot product of `this.query` with every section vector, divided by `norm`, into `out`.
   *
   * This is most of a query's time in the latent space (sections times dimensions), so sections
   * are taken eight at a time: eight independent sums the processor adds up side by side, where
   * one section at a time waits for each addition to finish before the next. Each sum still adds
   * its terms in dimension order, so every cosine is the very same number, bit for bit.
   */
  private cosines(norm: number, out: Float64Array): void {
    const { dims, query, sectionVectors, sectionCount } = this;
    let j = 0;
    for (; j + 8 <= sectionCount; j += 8) {
      let dot0 = 0;
      let dot1 = 0;
      let dot2 = 0;
      let dot3 = 0;
      let dot4 = 0;
      let dot5 = 0;
      let dot6 = 0;
      let dot7 = 0;
      for (let d = 0, at = j * dims; d < dims; d += 1, at += 1) {
        const q = query[d] as number;
        dot0 += q * (sectionVectors[at] as number);
        dot1 += q * (sectionVectors[at + dims] as number);
        dot2 += q * (sectionVectors[at + 2 * dims] as number);
        dot3 += q * (sectionVectors[at + 3 * dims] as number);
        dot4 += q * (sectionVectors[at + 4 * dims] as number);
        dot5 += q * (sectionVectors[at + 5 * dims] as number);
        dot6 += q * (sectionVectors[at + 6 * dims] as number);
        dot7 += q * (sectionVectors[at + 7 * dims] as number);
      }
      out[j] = dot0 / norm;
      out[j + 1] = dot1 / norm;
      out[j + 2] = dot2 / norm;
      out[j + 3] = dot3 / norm;
      out[j + 4] = dot4 / norm;
      out[j + 5] = dot5 / norm;
      out[j + 6] = dot6 / norm;
      out[j + 7] = dot7 / norm;
    }
    for (; j < sectionCount; j += 1) {
      let dot = 0;
      for (let d = 0, at = j * dims; d < dims; d += 1, at += 1)
        dot += (query[d] as number) * (sectionVectors[at] as number);
      out[j] = dot / norm;
    }
  }
}
