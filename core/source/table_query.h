#pragma once

#include "format/key_codec.h"
#include "source/source_database.h"

#include <QString>

namespace magellan {

// How a read of a table orders its rows.
enum class ReadOrder {
    Key,       // by key: the group (or the key columns), then id, then rowid
    Storage,   // by rowid: as the table lies in the file
    NullGroup, // the rowids bound to ?1 (a JSON array), by key: the NULL group's rows
    Deferred,  // the groups bound to ?1 (a JSON array of ids), by key
};

// `identifier` as an SQL identifier: in double quotes, a quote in it doubled.
QString quotedIdentifier(const QString &identifier);

// The SELECT that reads `info`'s table in `order`: the rowid, then every column in table order,
// always from the table itself (NOT INDEXED: an index may disagree with it). `filter` narrows a
// read in key order. Stateless: any thread.
QString selectSql(const SourceTableInfo &info, ReadOrder order, const RowFilter *filter);

} // namespace magellan
