#include "migrate/migration_record.h"

#include "format/stored_json.h"

#include <nlohmann/json.hpp>

namespace magellan {
namespace {

using json = nlohmann::ordered_json;

Status badField(const std::string &field, const json &value, const char *expected) {
    std::string shown = value.dump(-1, ' ', false, json::error_handler_t::replace);
    if (shown.size() > 80)
        shown = shown.substr(0, 77) + "...";
    return Status::invalidInput(QStringLiteral("meta:migration: %1 is %2, not %3")
                                    .arg(QString::fromStdString(field),
                                         QString::fromStdString(shown), QLatin1String(expected)));
}

// The text of `object`'s `field` when it is a string or absent; an error for any other type.
Result<QString> stringField(const json &object, const char *field, const std::string &path) {
    const auto it = object.find(field);
    if (it == object.end() || it->is_null())
        return QString();
    if (!it->is_string())
        return badField(path + field, *it, "a string");
    return QString::fromStdString(it->get<std::string>());
}

// The decimal text of `object`'s `field` when it is an integer or absent; an error otherwise.
Result<QString> integerField(const json &object, const char *field, const std::string &path) {
    const auto it = object.find(field);
    if (it == object.end() || it->is_null())
        return QString();
    if (!it->is_number_integer())
        return badField(path + field, *it, "an integer");
    return QString::fromStdString(it->dump());
}

Result<MigrationRecordSummary::Table> summarizeTable(const std::string &name, const json &table) {
    const std::string path = "tables." + name + ".";
    if (!table.is_object())
        return badField("tables." + name, table, "an object");
    MigrationRecordSummary::Table summary;
    summary.name = QString::fromStdString(name);
    for (const auto &[field, text] : {std::pair{"source_rows", &summary.sourceRows},
                                      {"keys_written", &summary.keysWritten},
                                      {"records_carried", &summary.recordsCarried},
                                      {"rejected_rows", &summary.rejectedRows},
                                      {"repaired_values", &summary.repairedValues}}) {
        Result<QString> value = integerField(table, field, path);
        if (!value.isOk())
            return value.status();
        *text = value.value();
    }
    Result<QString> source = stringField(table, "source_checksum", path);
    Result<QString> store = stringField(table, "kv_checksum", path);
    if (!source.isOk())
        return source.status();
    if (!store.isOk())
        return store.status();
    if (!store.value().isEmpty())
        summary.checksumsEqual = source.value() == store.value();
    return summary;
}

Result<MigrationRecordSummary> summarize(const json &record) {
    if (!record.is_object())
        return Status::invalidInput(QStringLiteral("meta:migration: not a JSON object"));
    MigrationRecordSummary summary;
    const auto take = [](Result<QString> field, QString &into) {
        if (field.isOk())
            into = field.value();
        return field.status();
    };
    const auto source = record.find("source");
    if (source != record.end() && !source->is_object() && !source->is_null())
        return badField("source", *source, "an object");
    const json noSource = json::object();
    const json &sourceObject = source != record.end() && source->is_object() ? *source : noSource;
    for (Status status :
         {take(integerField(record, "format_version", {}), summary.formatVersion),
          take(stringField(record, "tool_version", {}), summary.toolVersion),
          take(stringField(record, "key_layout", {}), summary.keyLayout),
          take(stringField(record, "started_at", {}), summary.startedAt),
          take(stringField(record, "finished_at", {}), summary.finishedAt),
          take(stringField(sourceObject, "path", "source."), summary.sourcePath),
          take(integerField(sourceObject, "size", "source."), summary.sourceSize),
          take(stringField(sourceObject, "modified", "source."), summary.sourceModified),
          take(integerField(sourceObject, "schema_version", "source."), summary.schemaVersion)})
        if (!status.isOk())
            return status;
    const auto tables = record.find("tables");
    if (tables == record.end() || tables->is_null())
        return summary;
    if (!tables->is_object())
        return badField("tables", *tables, "an object");
    for (const auto &[name, table] : tables->items()) {
        Result<MigrationRecordSummary::Table> row = summarizeTable(name, table);
        if (!row.isOk())
            return row.status();
        summary.tables.push_back(std::move(row.value()));
    }
    return summary;
}

} // namespace

Result<RecordedMigration> parseMigrationRecord(std::string_view json) try {
    Result<nlohmann::ordered_json> parsed = parseStoredJson(json);
    if (!parsed.isOk())
        return parsed.status().withMessage(QStringLiteral("meta:migration: ") +
                                           parsed.status().message());
    const nlohmann::ordered_json &meta = parsed.value();
    if (!meta.is_object())
        return Status::invalidInput(QStringLiteral("meta:migration: not a JSON object"));
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
} catch (const std::exception &error) { // the core boundary: nothing thrown goes further
    return Status::internal(QStringLiteral("meta:migration: %1").arg(error.what()));
}

Result<std::optional<RecordedMigration>> readMigrationRecord(const KvStore &store) {
    Result<std::optional<std::string>> record = store.get(kvkey::migrationRecord);
    if (!record.isOk())
        return record.status();
    if (!record.value())
        return std::optional<RecordedMigration>();
    Result<RecordedMigration> parsed = parseMigrationRecord(*record.value());
    return parsed.isOk() ? std::optional(std::move(parsed.value()))
                         : std::optional<RecordedMigration>();
}

Result<MigrationRecordSummary> summarizeMigrationRecord(std::string_view json) try {
    Result<nlohmann::ordered_json> parsed = parseStoredJson(json);
    if (!parsed.isOk())
        return parsed.status().withMessage(QStringLiteral("meta:migration: ") +
                                           parsed.status().message());
    return summarize(parsed.value());
} catch (const std::exception &error) { // the core boundary: nothing thrown goes further
    return Status::internal(QStringLiteral("meta:migration: %1").arg(error.what()));
}

} // namespace magellan
