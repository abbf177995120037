#pragma once

#include "format/key_codec.h"
#include "source/source_database.h"

#include <QString>

#include <string>
#include <vector>

namespace magellan {

// A side-table row that names no entity of the source's graph_entities: left behind by
// re-indexing, most likely. Information, not a failure: such rows are carried like any other.
struct OrphanRow {
    qint64 rowid = 0;
    std::string key;   // the key the row went to
    QString reference; // the file_id, function_id or file path it names
};

struct TableOrphans {
    SourceTable table = SourceTable::AstNodes;
    QString rule; // what the rows name that is not there ("file_id names no File entity")
    qint64 total = 0;
    std::vector<OrphanRow> listed; // the first ones, by what they name (an index's order)
};

struct OrphanReport {
    bool checked = false; // false: the source has no usable graph_entities (see note)
    QString note;
    std::vector<TableOrphans> tables; // of the tables asked for that can have orphans
    qint64 total() const;
};

// Counts, and lists the first `limit` of, the rows of `tables` that name no entity: AST rows whose
// file_id names no File entity, CFG rows whose function_id names no entity, chunks whose path is
// no File entity's. Reads the source (its current snapshot); writes nothing. A graph_entities that
// is missing or cannot be read leaves the report unchecked, with a note.
OrphanReport findOrphanRows(SourceDatabase &source, const SourceInfo &info,
                            const std::vector<SourceTable> &tables, KeyLayout layout, size_t limit);

} // namespace magellan
