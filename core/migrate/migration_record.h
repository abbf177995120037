#pragma once

#include "format/key_codec.h"
#include "format/source_tables.h"
#include "status.h"
#include "store/kv_store.h"

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

// Parses a meta:migration value, leaving out the parts it does not know; an error when the value
// is not a JSON object. Never throws.
Result<RecordedMigration> parseMigrationRecord(std::string_view json);

// Reads and parses `store`'s meta:migration record; nullopt when it has none (or not an object).
Result<std::optional<RecordedMigration>> readMigrationRecord(const KvStore &store);

// A meta:migration record as display text, field by field; an empty text: the field is absent.
struct MigrationRecordSummary {
    QString formatVersion, toolVersion, keyLayout, startedAt, finishedAt;
    QString sourcePath, sourceSize, sourceModified, schemaVersion;
    struct Table {
        QString name, sourceRows, keysWritten, recordsCarried, rejectedRows, repairedValues;
        std::optional<bool> checksumsEqual; // unset: not verified (kv_checksum is null or absent)
    };
    std::vector<Table> tables; // in the record's order
};
// Takes a meta:migration value apart for display; an error naming the first field whose shape
// is not the one the format writes (or when the value is not a JSON object). Never throws.
Result<MigrationRecordSummary> summarizeMigrationRecord(std::string_view json);

} // namespace magellan
