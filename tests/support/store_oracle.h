#pragma once

#include "format/source_tables.h"

#include <QString>
#include <QStringList>

#include <map>
#include <string>

namespace magellan::test {

// What checkStoreAgainstSource found for one table.
struct OracleCounts {
    qint64 sourceRows = 0;
    qint64 carried = 0;  // source rows found, value for value, in a chunk/ast/cfg entry
    qint64 rejected = 0; // source rows found, value for value, in a reject:{table}:{rowid} entry
};

struct OracleResult {
    std::map<SourceTable, OracleCounts> tables;
    QStringList problems; // empty when every source row is accounted for exactly once
};

// Checks a store (seed layout; code_chunks, ast_nodes, cfg_blocks) against its source without
// the migrator's code: every source row, read with SQLite, must be carried with equal values or
// rejected with a reason, a column and the row as found; the store must hold nothing else. Values
// are compared by storage class: integers and reals exactly, valid UTF-8 text as is, invalid
// text and BLOBs by their exact bytes in the {column}_base64 sibling. Chunk keys must parse back
// to their row's path and offsets, and values must start with the contract's fields in order.
OracleResult checkStoreAgainstSource(const QString &sourcePath,
                                     const std::map<std::string, std::string> &entries);

} // namespace magellan::test
