#pragma once

#include "format/key_codec.h"
#include "source/source_database.h"

#include <QString>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace magellan {

// One record of a stored value beside the source row it came from.
struct RecordComparison {
    QString label;      // "id 42", or "row" for single-row values
    std::string source; // canonical encoding from SQLite; empty when there is no such row
    std::string store;  // canonical encoding from the store; empty when the store lacks it
    bool matches = false;
};

struct SourceComparison {
    std::vector<RecordComparison> records;
    QString note; // why there is nothing to compare, when that is so
    bool allMatch() const;
    int matching() const;
};

// Re-encodes the source rows behind `key` with the migration's own scanner and compares them,
// record by record, with `storeValue`. `layout` says how group keys are spelled.
Result<SourceComparison> compareWithSource(SourceDatabase &source, const SourceInfo &info,
                                           KeyLayout layout, std::string_view key,
                                           std::string_view storeValue);

// The file path graph_entities records for the File entity `fileId`, when the source has one.
std::optional<QString> sourceFilePath(SourceDatabase &source, qint64 fileId);

// The key layout a store uses: the one its meta:migration record names, else the one its ast and
// cfg keys show, else seed.
KeyLayout detectKeyLayout(const class KvStore &store);

} // namespace magellan
