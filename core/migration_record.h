#pragma once

#include "kv_keys.h"
#include "kv_store.h"
#include "source_tables.h"
#include "status.h"

#include <QString>

#include <optional>
#include <vector>

namespace magellan {

// What a store's meta:migration record says that readers of the store act on.
struct RecordedMigration {
    std::optional<KeyLayout> layout; // absent when the record names none it knows
    std::vector<SourceTable> tables; // the tables it migrated, in the record's order
    QString sourcePath;              // empty when the record names none
};

// Parses a meta:migration value; nullopt when it is not a JSON object.
std::optional<RecordedMigration> parseMigrationRecord(std::string_view json);

// Reads and parses `store`'s meta:migration record; nullopt when it has none (or not an object).
Result<std::optional<RecordedMigration>> readMigrationRecord(const KvStore &store);

} // namespace magellan
