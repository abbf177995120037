#include "files_source.h"

namespace magellan::test {

QString filesSourceSql() {
    return QStringLiteral(R"sql(
CREATE TABLE magellan_meta(id INTEGER PRIMARY KEY, magellan_schema_version INTEGER NOT NULL);
INSERT INTO magellan_meta VALUES (1, 21);
CREATE TABLE graph_entities(id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL,
  name TEXT NOT NULL, file_path TEXT, data TEXT NOT NULL);
INSERT INTO graph_entities VALUES
  (1, 'File', 'src/app.py', 'src/app.py', '{}'),
  (4, 'File', 'lib/re.py', 'lib/re.py', '{}'),
  (5, 'File', 'lib/re.py', 'lib/re.py', '{}'),
  (6, 'File', 'C:\work\odd:name.rs', 'C:\work\odd:name.rs', '{}'),
  (7, 'File', 'docs/ünïcode.md', NULL, '{}'),
  (8, 'File', 'tools/cli.rs', 'tools/cli.rs', '{}'),
  (9, 'File', 'empty.rs', 'empty.rs', '{}'),
  (10, 'Function', 'main', 'src/app.py', '{}'),
  (11, 'Function', 'helper', 'src/app.py', '{}'),
  (12, 'Struct', 'Config', 'src/app.py', '{}'),
  (13, 'Function', 'compile', 'lib/re.py', '{}'),
  (14, 'Function', 'run', 'tools/cli.rs', '{}');
CREATE TABLE code_chunks(id INTEGER PRIMARY KEY, file_path TEXT NOT NULL,
  byte_start INTEGER NOT NULL, byte_end INTEGER NOT NULL, content TEXT NOT NULL,
  content_hash TEXT NOT NULL, symbol_name TEXT, symbol_kind TEXT, created_at INTEGER NOT NULL);
INSERT INTO code_chunks VALUES
  (1, 'src/app.py', 11399, 12497, 'def main(): pass', 'h1', 'main', 'function', 1),
  (2, 'src/app.py', 697, 900, 'def helper(): pass', 'h2', 'helper', 'function', 1),
  (3, 'src/app.py', 697, 800, 'class Config: pass', 'h3', 'Config', 'class', 1),
  (4, 'src/app.py', 50, 60, 'import os', 'h4', NULL, NULL, 1),
  (5, 'lib/re.py', 0, 40, 'def compile(): pass', 'h5', 'compile', 'function', 1),
  (6, 'C:\work\odd:name.rs', 10, 20, 'fn b() {}', 'h6', 'b', 'function', 1),
  (7, 'C:\work\odd:name.rs', 0, 10, 'fn a() {}', 'h7', 'a', 'function', 1),
  (8, 'a', 3, 4, 'x', 'h8', NULL, NULL, 1),
  (9, 'a:b', 1, 2, 'y', 'h9', NULL, NULL, 1),
  (10, 'a', 1, 2, 'z', 'h10', NULL, NULL, 1),
  (11, 'tools/cli.rs', 5, 9, 'fn run() {}', 'h11', 'run', 'function', 1);
CREATE TABLE ast_nodes(id INTEGER PRIMARY KEY, parent_id INTEGER, kind TEXT NOT NULL,
  byte_start INTEGER NOT NULL, byte_end INTEGER NOT NULL, file_id INTEGER);
INSERT INTO ast_nodes VALUES
  (1, NULL, 'module', 0, 12497, 1), (2, 1, 'function', 11399, 12497, 1),
  (3, 1, 'function', 697, 900, 1), (4, 1, 'class', 697, 800, 1),
  (5, NULL, 'module', 0, 40, 4), (6, 5, 'function', 0, 40, 4),
  (7, NULL, 'module', 0, 41, 5), (8, 7, 'function', 0, 41, 5), (9, 8, 'block', 10, 41, 5),
  (10, NULL, 'source_file', 0, 20, 6),
  (11, NULL, 'document', 0, 100, 7), (12, 11, 'heading', 0, 10, 7),
  (13, NULL, 'orphan', 0, 1, NULL);
CREATE TABLE cfg_blocks(id INTEGER PRIMARY KEY, function_id INTEGER NOT NULL, kind TEXT NOT NULL,
  terminator TEXT NOT NULL, byte_start INTEGER NOT NULL, byte_end INTEGER NOT NULL,
  start_line INTEGER NOT NULL, start_col INTEGER NOT NULL, end_line INTEGER NOT NULL,
  end_col INTEGER NOT NULL);
INSERT INTO cfg_blocks VALUES
  (1, 10, 'entry', 'goto', 11399, 11500, 1, 0, 3, 0),
  (2, 10, 'body', 'goto', 11500, 12000, 3, 0, 9, 0),
  (3, 10, 'exit', 'return', 12000, 12497, 9, 0, 12, 0),
  (4, 11, 'entry', 'goto', 697, 800, 1, 0, 2, 0),
  (5, 11, 'exit', 'return', 800, 900, 2, 0, 4, 0),
  (6, 13, 'entry', 'return', 0, 41, 1, 0, 2, 0),
  (7, 14, 'entry', 'goto', 5, 7, 1, 0, 1, 4),
  (8, 14, 'loop', 'goto', 7, 8, 1, 4, 1, 6),
  (9, 14, 'branch', 'goto', 8, 9, 1, 6, 1, 8),
  (10, 14, 'exit', 'return', 9, 9, 1, 8, 1, 9),
  (11, 99, 'entry', 'return', 0, 1, 1, 0, 1, 1);
)sql");
}

} // namespace magellan::test
