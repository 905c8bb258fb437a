/**
 * A faster tree walk for SyntaxTree.fromTree. web-tree-sitter's TreeCursor copies its four-word
 * state into a WASM transfer buffer before every call and back after every move; flattening a
 * tree makes six such calls per node. The binding's C functions keep the cursor in that buffer
 * between calls, so this walker copies the state in once, calls them directly, and copies it back
 * at the end (so TreeCursor.delete() frees the right memory). It uses internals of the pinned
 * web-tree-sitter version; when they are not there, `nativeWalker` returns undefined and the
 * public API is used.
 */
import type { Tree, TreeCursor } from 'web-tree-sitter';

export interface NativeCursorCalls {
  readonly gotoFirstChild: () => boolean;
  readonly gotoNextSibling: () => boolean;
  readonly gotoParent: () => boolean;
  readonly typeId: () => number;
  readonly startIndex: () => number;
  readonly endIndex: () => number;
  readonly isMissing: () => boolean;
}

interface WasmModule {
  _ts_init(): number;
  getValue(ptr: number, type: 'i32'): number;
  setValue(ptr: number, value: number, type: 'i32'): void;
  _ts_tree_cursor_goto_first_child_wasm(tree: number): number;
  _ts_tree_cursor_goto_next_sibling_wasm(tree: number): number;
  _ts_tree_cursor_goto_parent_wasm(tree: number): number;
  _ts_tree_cursor_current_node_type_id_wasm(tree: number): number;
  _ts_tree_cursor_start_index_wasm(tree: number): number;
  _ts_tree_cursor_end_index_wasm(tree: number): number;
  _ts_tree_cursor_current_node_is_missing_wasm(tree: number): number;
}

const REQUIRED = [
  '_ts_init',
  'getValue',
  'setValue',
  '_ts_tree_cursor_goto_first_child_wasm',
  '_ts_tree_cursor_goto_next_sibling_wasm',
  '_ts_tree_cursor_goto_parent_wasm',
  '_ts_tree_cursor_current_node_type_id_wasm',
  '_ts_tree_cursor_start_index_wasm',
  '_ts_tree_cursor_end_index_wasm',
  '_ts_tree_cursor_current_node_is_missing_wasm',
];

let wasm: WasmModule | undefined;
let transferBuffer = 0;

/** Called once with the options object given to Parser.init (Emscripten fills it with the exports). */
export function adoptWasmModule(candidate: unknown): void {
  const m = candidate as Record<string, unknown>;
  if (!REQUIRED.every((name) => typeof m[name] === 'function')) return;
  wasm = candidate as WasmModule;
  transferBuffer = wasm._ts_init();
}

interface CursorInternals {
  readonly handles: number[];
}

/**
 * Runs `walk` with direct calls on `cursor`'s state; returns false (without calling it) when the
 * internals are not available.
 */
export function withNativeCursor(tree: Tree, cursor: TreeCursor, walk: (calls: NativeCursorCalls) => void): boolean {
  const m = wasm;
  const handles = (cursor as unknown as CursorInternals).handles;
  const treePtr = (tree as unknown as Record<number, number>)[0];
  if (!m || !Array.isArray(handles) || handles.length !== 4 || typeof treePtr !== 'number') return false;
  for (let i = 0; i < 4; i++) m.setValue(transferBuffer + 4 * i, handles[i], 'i32');
  try {
    walk({
      gotoFirstChild: () => m._ts_tree_cursor_goto_first_child_wasm(treePtr) === 1,
      gotoNextSibling: () => m._ts_tree_cursor_goto_next_sibling_wasm(treePtr) === 1,
      gotoParent: () => m._ts_tree_cursor_goto_parent_wasm(treePtr) === 1,
      typeId: () => m._ts_tree_cursor_current_node_type_id_wasm(treePtr),
      startIndex: () => m._ts_tree_cursor_start_index_wasm(treePtr),
      endIndex: () => m._ts_tree_cursor_end_index_wasm(treePtr),
      isMissing: () => m._ts_tree_cursor_current_node_is_missing_wasm(treePtr) === 1,
    });
  } finally {
    for (let i = 0; i < 4; i++) handles[i] = m.getValue(transferBuffer + 4 * i, 'i32');
  }
  return true;
}
