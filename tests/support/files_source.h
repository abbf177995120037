#pragma once

#include <QString>

namespace magellan::test {

// SQL for a small source that the browse-by-file views are tested on. Its files:
// - src/app.py: File 1; chunks (11399,12497) (697,900) (697,800) (50,60) in that rowid order;
//   AST of 4 nodes; functions main (id 10, 3 blocks) and helper (id 11, 2 blocks); a Struct
//   Config (id 12) with no blocks.
// - lib/re.py: indexed twice, Files 4 and 5, AST of 2 and 3 nodes; function compile (id 13, 1
//   block, in the later indexing); one chunk.
// - C:\work\odd:name.rs (a ':' in the path): File 6, AST of 1 node, chunks (0,10) (10,20).
// - a and a:b: chunks only (a's chunk keys start as a:b's do), no File entity.
// - docs/ünïcode.md: File 7, AST of 2 nodes, no chunk.
// - tools/cli.rs: File 8, no AST; function run (id 14, 4 blocks); chunk (5,9).
// And keys of no file: ast_nodes with NULL file_id (ast:null), cfg blocks of function 99 (no
// entity), File 9 (empty.rs) with nothing in the store.
QString filesSourceSql();

} // namespace magellan::test
