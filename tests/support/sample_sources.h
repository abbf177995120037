#pragma once

#include <QString>

namespace magellan::test {

// SQL for a small three-table source: `rows` AST nodes over 50 files, rows/10 CFG blocks over
// 20 functions, rows/20 chunks with non-ASCII text and one path with a ':'.
QString sampleSourceSql(int rows);

// Generates a realistic magellan database of `rows` side-table rows at `path` (tools/fixturegen).
// Returns "" or the error.
QString generateSource(const QString &path, long long rows, bool optionalTables = false);

// Overwrites the last page of the SQLite file at `path` with garbage, so that reading the table
// created last fails midway. Returns false when the file cannot be written.
bool corruptLastPage(const QString &path);

// Appends a cfg_blocks row whose 20 kB `statements` spill into overflow pages at the end of the
// file, then breaks that overflow chain: counting rows still works, but reading the row fails,
// so a migration fails midway (after earlier tables were written).
QString breakOverflowChainOfLastRow(const QString &path);

// Copies the folder `from` (a store) to `to`.
bool copyFolder(const QString &from, const QString &to);

} // namespace magellan::test
