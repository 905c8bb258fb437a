/**
 * Loads web-tree-sitter and the grammar `.wasm` files, once per process, and gives each language
 * a kind table: tree-sitter type ids mapped to Moat's own kind ids plus the per-kind flags the
 * matcher needs (trivia, string, block, transparent…). The engine does no I/O: the adapter passes
 * a `WasmSource` that reads the bytes.
 */
import { Language, Parser } from 'web-tree-sitter';
import { LanguageId, LanguageSpec, languageById } from './languages';
import { adoptWasmModule } from './native-walk';

export interface WasmSource {
  /** The bytes of `web-tree-sitter.wasm` or of a grammar file named in LanguageSpec.wasm. */
  read(file: string): Promise<Uint8Array>;
}

export const KIND_TRIVIA = 1;
export const KIND_STRING = 2;
export const KIND_BLOCK = 4;
export const KIND_TRANSPARENT = 8;
export const KIND_KWARG = 16;
export const KIND_UNORDERED = 32;
export const KIND_SUBSET = 64;
export const KIND_EXPR_STMT = 128;
export const KIND_COMMENT = 256;
export const KIND_ERROR = 512;
/** A kind a target may have where the pattern has none (return types, `async`…). */
export const KIND_OPTIONAL = 1024;

/** Anonymous tokens that only delimit structure and never decide a match. */
const PUNCTUATION = new Set(['(', ')', '[', ']', '{', '}', ',', ';', '.', ':', '"', "'", '`', '\n']);

export interface KindTable {
  /** tree-sitter type id → Moat kind id (named and anonymous kinds of one name differ). */
  readonly fromTypeId: Int32Array;
  /** Kind id of ERROR nodes (tree-sitter type id 65535 and any id outside the table). */
  readonly errorKind: number;
  readonly names: string[];
  readonly named: boolean[];
  readonly flags: number[];
  /** Moat kind id of a named kind, or -1. */
  namedKind(name: string): number;
  /** For a pattern kind, the other target kinds it also matches. */
  readonly equivalents: ReadonlyArray<readonly number[] | undefined>;
}

export interface LoadedLanguage {
  readonly spec: LanguageSpec;
  readonly language: Language;
  readonly parser: Parser;
  readonly kinds: KindTable;
}

function buildKindTable(language: Language, spec: LanguageSpec): KindTable {
  const names: string[] = [];
  const named: boolean[] = [];
  const flags: number[] = [];
  const index = new Map<string, number>();
  const count = language.nodeTypeCount;
  const fromTypeId = new Int32Array(count + 1).fill(-1);
  const flagFor = (name: string, isNamed: boolean): number => {
    let f = 0;
    if (isNamed && (name === 'comment' || name.endsWith('_comment') || name === 'comment_block')) f |= KIND_COMMENT | KIND_TRIVIA;
    if (!isNamed && PUNCTUATION.has(name)) f |= KIND_TRIVIA;
    if (!isNamed && spec.optionalTokens?.includes(name)) f |= KIND_OPTIONAL;
    if (!isNamed) return f;
    if (spec.optionalKinds?.includes(name)) f |= KIND_OPTIONAL;
    if (name === 'ERROR') f |= KIND_ERROR;
    if (spec.stringKinds.includes(name)) f |= KIND_STRING;
    if (spec.blockKinds.includes(name)) f |= KIND_BLOCK;
    if (spec.transparentKinds.includes(name)) f |= KIND_TRANSPARENT;
    if (spec.keywordArgKinds.includes(name)) f |= KIND_KWARG;
    if (spec.unorderedKinds.includes(name)) f |= KIND_UNORDERED;
    if (spec.subsetKinds.includes(name)) f |= KIND_SUBSET;
    if (spec.expressionStatementKinds.includes(name)) f |= KIND_EXPR_STMT;
    return f;
  };
  const intern = (name: string, isNamed: boolean): number => {
    const key = (isNamed ? 'N:' : 'A:') + name;
    let id = index.get(key);
    if (id === undefined) {
      id = names.length;
      index.set(key, id);
      names.push(name);
      named.push(isNamed);
      flags.push(flagFor(name, isNamed));
    }
    return id;
  };
  for (let typeId = 0; typeId <= count; typeId++) {
    const name = language.nodeTypeForId(typeId);
    if (name === null) continue;
    fromTypeId[typeId] = intern(name, language.nodeTypeIsNamed(typeId));
  }
  const errorKind = intern('ERROR', true);
  const equivalents: number[][] = [];
  for (const [from, tos] of Object.entries(spec.equivalentKinds ?? {})) {
    const f = index.get('N:' + from);
    if (f === undefined) continue;
    equivalents[f] = tos.map((t) => index.get('N:' + t)).filter((t): t is number => t !== undefined);
  }
  return {
    equivalents,
    fromTypeId,
    errorKind,
    names,
    named,
    flags,
    namedKind: (name: string) => index.get('N:' + name) ?? -1,
  };
}

/** One per process (or worker): owns the runtime and every loaded grammar. */
export class Grammars {
  private readonly loaded = new Map<LanguageId, Promise<LoadedLanguage>>();

  private constructor(private readonly source: WasmSource) {}

  static async create(source: WasmSource): Promise<Grammars> {
    const wasmBinary = await source.read('web-tree-sitter.wasm');
    const moduleOptions = { wasmBinary };
    await Parser.init(moduleOptions as object);
    adoptWasmModule(moduleOptions);
    return new Grammars(source);
  }

  load(id: LanguageId): Promise<LoadedLanguage> {
    let pending = this.loaded.get(id);
    if (!pending) {
      pending = this.loadNow(id);
      this.loaded.set(id, pending);
    }
    return pending;
  }

  private async loadNow(id: LanguageId): Promise<LoadedLanguage> {
    const spec = languageById(id);
    const language = await Language.load(await this.source.read(spec.wasm));
    const parser = new Parser();
    parser.setLanguage(language);
    return { spec, language, parser, kinds: buildKindTable(language, spec) };
  }
}
