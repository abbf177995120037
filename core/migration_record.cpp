#include "migration_record.h"

#include <nlohmann/json.hpp>

namespace magellan {

std::optional<RecordedMigration> parseMigrationRecord(std::string_view json) {
    const auto meta = nlohmann::ordered_json::parse(json, nullptr, false);
    if (!meta.is_object())
        return std::nullopt;
    RecordedMigration recorded;
    if (const auto layout = meta.find("key_layout"); layout != meta.end() && layout->is_string())
        recorded.layout = parseKeyLayout(QString::fromStdString(layout->get<std::string>()));
    if (const auto tables = meta.find("tables"); tables != meta.end() && tables->is_object())
        for (const auto &[name, value] : tables->items())
            if (const TableDefinition *definition =
                    findTableDefinition(QString::fromStdString(name)))
                recorded.tables.push_back(definition->table);
    if (const auto source = meta.find("source"); source != meta.end() && source->is_object())
        if (const auto path = source->find("path"); path != source->end() && path->is_string())
            recorded.sourcePath = QString::fromStdString(path->get<std::string>());
    return recorded;
}

Result<std::optional<RecordedMigration>> readMigrationRecord(const KvStore &store) {
    Result<std::optional<std::string>> record = store.get(kvkey::migrationRecord);
    if (!record.isOk())
        return record.status();
    if (!record.value())
        return std::optional<RecordedMigration>();
    return parseMigrationRecord(*record.value());
}

} // namespace magellan
