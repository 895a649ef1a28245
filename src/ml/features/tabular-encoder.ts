import { MlDataError } from "../errors"
import { Standardiser, type NumericTransform, type StandardiserState } from "./standardiser"
import { Vocabulary, type VocabularyState } from "./vocabulary"

/** One input column. Numeric columns are (log1p-)standardised; categorical ones are one-hot. */
export type NumericFeature = { name: string; transform: NumericTransform }
export type CategoricalFeature = { name: string; /** rarer values share the "other" slot */ minCount?: number }

/** A named, typed feature list: what a dataset loader or the pipeline fills per row. */
export type TabularSchema = {
  numeric: readonly NumericFeature[]
  categorical: readonly CategoricalFeature[]
}

export type FeatureValue = number | string | boolean
export type TabularRow = Readonly<Record<string, FeatureValue>>

export type TabularEncoderState = {
  schema: TabularSchema
  standardiser: StandardiserState
  vocabularies: VocabularyState[]
}

function numericValue(row: TabularRow, name: string): number {
  const v = row[name]
  if (typeof v === "number") return v
  if (typeof v === "boolean") return v ? 1 : 0
  if (v === undefined) throw new MlDataError(`row has no value for numeric feature "${name}"`)
  const parsed = Number(v)
  if (!Number.isFinite(parsed)) throw new MlDataError(`feature "${name}" is not a number: "${v}"`)
  return parsed
}

function categoricalValue(row: TabularRow, name: string): string {
  const v = row[name]
  if (v === undefined) throw new MlDataError(`row has no value for categorical feature "${name}"`)
  return String(v)
}

/**
 * Turns rows into a dense row-major Float32Array. Fitted on training rows only; its state is
 * plain JSON so it is stored next to the model weights and reused at serving time.
 */
export class TabularEncoder {
  /** Column names of the encoded vector, e.g. "PageValues" or "Month=Nov" / "Month=<other>". */
  readonly featureNames: readonly string[]
  private readonly offsets: number[]

  private constructor(
    readonly schema: TabularSchema,
    private readonly standardiser: Standardiser,
    private readonly vocabularies: readonly Vocabulary[]
  ) {
    const names = schema.numeric.map((f) => f.name)
    this.offsets = []
    let offset = names.length
    schema.categorical.forEach((f, j) => {
      this.offsets.push(offset)
      const vocab = vocabularies[j]!
      names.push(`${f.name}=<other>`, ...vocab.values.map((v) => `${f.name}=${v}`))
      offset += vocab.size
    })
    this.featureNames = names
  }

  static fit(schema: TabularSchema, rows: readonly TabularRow[]): TabularEncoder {
    if (rows.length === 0) throw new MlDataError("cannot fit a feature encoder on zero rows")
    const columns = schema.numeric.map((f) => Float64Array.from(rows, (r) => numericValue(r, f.name)))
    const standardiser = Standardiser.fit(
      columns,
      schema.numeric.map((f) => f.transform)
    )
    const vocabularies = schema.categorical.map((f) =>
      Vocabulary.fit(
        rows.map((r) => categoricalValue(r, f.name)),
        f.minCount ?? 1
      )
    )
    return new TabularEncoder(schema, standardiser, vocabularies)
  }

  static fromState(state: TabularEncoderState): TabularEncoder {
    return new TabularEncoder(
      state.schema,
      Standardiser.fromState(state.standardiser),
      state.vocabularies.map((v) => Vocabulary.fromState(v))
    )
  }

  get width(): number {
    return this.featureNames.length
  }

  /** Row-major [rows.length, width]. */
  encode(rows: readonly TabularRow[]): Float32Array {
    const width = this.width
    const out = new Float32Array(rows.length * width)
    const numeric = this.schema.numeric
    rows.forEach((row, i) => {
      const base = i * width
      for (let j = 0; j < numeric.length; j++) out[base + j] = this.standardiser.apply(j, numericValue(row, numeric[j]!.name))
      this.schema.categorical.forEach((f, j) => {
        out[base + this.offsets[j]! + this.vocabularies[j]!.indexOf(categoricalValue(row, f.name))] = 1
      })
    })
    return out
  }

  state(): TabularEncoderState {
    return {
      schema: {
        numeric: this.schema.numeric.map((f) => ({ ...f })),
        categorical: this.schema.categorical.map((f) => ({ ...f })),
      },
      standardiser: this.standardiser.state(),
      vocabularies: this.vocabularies.map((v) => v.state()),
    }
  }
}
