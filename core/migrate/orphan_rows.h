#pragma once

#include "format/key_codec.h"
#include "source/source_database.h"
#include "store/kv_sink.h"

#include <QString>

#include <string>
#include <unordered_set>
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
    std::vector<OrphanRow> listed; // the first ones found, in rowid order
};

struct OrphanReport {
    bool checked = false; // false: the source has no usable graph_entities (see note)
    QString note;
    std::vector<TableOrphans> tables; // of the tables asked for that can have orphans
    qint64 total() const;
};

// What a scan's keys refer to, noted as the entries pass on to `next`: the group ids of ast and
// cfg keys, the paths of chunk keys. Costs a look at each key, never at a row. put() is called on
// the scan's encoder thread; read the references after the scan.
class ReferenceCollector final : public KvSink {
public:
    ReferenceCollector(KvSink &next, KeyLayout layout) : m_next(next), m_layout(layout) {}
    Status put(std::string_view key, std::string_view value) override;
    bool takesValues() const override { return m_next.takesValues(); }

    const std::unordered_set<std::int64_t> &fileIds() const { return m_fileIds; }
    const std::unordered_set<std::int64_t> &functionIds() const { return m_functionIds; }
    const std::unordered_set<std::string> &chunkPaths() const { return m_chunkPaths; }
    KeyLayout layout() const { return m_layout; }

private:
    KvSink &m_next;
    KeyLayout m_layout;
    std::unordered_set<std::int64_t> m_fileIds;
    std::unordered_set<std::int64_t> m_functionIds;
    std::unordered_set<std::string> m_chunkPaths;
    std::string m_lastPath; // chunk keys of one file come one after another
};

// Counts, and lists the first `limit` of, the rows of `tables` that name no entity: AST rows whose
// file_id names no File entity, CFG rows whose function_id names no entity, chunks whose path is
// no File entity's. What the rows name comes from `references` (the keys the scan wrote); only
// the rows of the orphan ids and paths are read again. Reads the source (its current snapshot);
// writes nothing. A graph_entities that is missing or cannot be read leaves the report
// unchecked, with a note.
OrphanReport findOrphanRows(SourceDatabase &source, const SourceInfo &info,
                            const std::vector<SourceTable> &tables, size_t limit,
                            const ReferenceCollector &references);

} // namespace magellan
