#pragma once

#include "status.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <string>

namespace magellan {

class SourceDatabase;

// magellan_meta.index_root (schema 21): the absolute folder magellan indexed, which relative
// file paths start from. nullopt when the table, the column or its row is absent, or the value is
// NULL, not text, or not UTF-8. Reads the source's snapshot, on the source's thread.
Result<std::optional<QString>> readIndexRoot(SourceDatabase &source);

// One graph_entities row with what its `data` JSON says of the file or span it stands for
// (magellan's FileNode: path, hash; SymbolNode: byte and line span). Every field is optional:
// the data may be absent, not JSON, or of another shape.
struct EntityRecord {
    std::int64_t id = 0;
    QString kind;
    QString name;
    std::optional<QString> filePath;                              // the file_path column
    std::optional<QString> dataPath;                              // data.path (File entities)
    std::optional<QString> hash;                                  // data.hash (File entities)
    std::optional<qint64> byteStart, byteEnd, startLine, endLine; // data's span (symbols)
    QString dataNote; // why data says nothing: no such column, NULL, not JSON
    // The file the entity is in: file_path, else data.path, else (a File) its name.
    QString path() const;
};

// Entity `id`; nullopt when there is none. InvalidInput naming the source when it has no
// graph_entities table with id and kind.
Result<std::optional<EntityRecord>> readEntityRecord(SourceDatabase &source, std::int64_t id);

} // namespace magellan
