export { applyChanges, ApplyError, type ApplyOptions, type ApplySummary, type Leftover } from './apply.js';
export { byPath, type Change, type ChangeKind } from './change.js';
export { conflictError, describeConflict, type Conflict, type ConflictReason } from './conflicts.js';
export { nodeFs, type ApplyFs, type ApplyFsOperation } from './fs.js';
export { sha256 } from './hash.js';
export { describeLeftover } from './leftover.js';
export { normalizeProjectPath } from './paths.js';
export { Tree, type OverwritePolicy, type TreeOptions } from './tree.js';
