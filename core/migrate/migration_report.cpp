#include "migrate/migration_report.h"

namespace magellan {
namespace {

std::string iso(const QDateTime &time) {
    return time.toUTC().toString(Qt::ISODateWithMs).toStdString();
}

std::string str(const QString &text) {
    return text.toStdString();
}

} // namespace

nlohmann::ordered_json sourceInfoJson(const SourceInfo &info) {
    using json = nlohmann::ordered_json;
    json tables = json::object();
    for (const SourceTableInfo &table : info.tables) {
        json entry;
        entry["exists"] = table.exists;
        if (table.exists) {
            entry["rows"] = table.rows;
            if (table.groups >= 0)
                entry["groups"] = table.groups;
            json columns = json::array();
            for (const QString &column : table.columns)
                columns.push_back(str(column));
            entry["columns"] = columns;
        }
        tables[str(tableName(table.table))] = entry;
    }
    return {{"path", str(info.path)},
            {"size", info.sizeBytes},
            {"modified", iso(info.modified)},
            {"schema_version", info.schemaVersion},
            {"journal_mode", str(info.journalMode)},
            {"tables", tables}};
}

QString toolVersion() {
    return QStringLiteral(MAGELLAN_KV_VERSION);
}

bool TableReport::countsMatch() const {
    return sourceRows == store.records + store.rejected && store.keys == expectedKeys &&
           store.undecodable == 0;
}

bool TableReport::checksumsMatch() const {
    return scan.checksum == store.checksum;
}

void MigrationReport::applyStoreContents(const StoreContents &contents) {
    for (TableReport &table : tables) {
        const auto it = contents.tables.find(table.table);
        table.readBack = it != contents.tables.end();
        if (table.readBack)
            table.store = it->second;
    }
    strayKeys = contents.strayKeys;
    strayExamples = contents.strayExamples;
    readBack = true;
}

bool MigrationReport::passed() const {
    return readBack && strayKeys == 0 &&
           std::all_of(tables.begin(), tables.end(), [](const auto &t) { return t.passed(); });
}

qint64 MigrationReport::rejectedRows() const {
    qint64 rejected = 0;
    for (const TableReport &table : tables)
        rejected += table.scan.rejectedRows;
    return rejected;
}

nlohmann::ordered_json MigrationReport::toJson() const {
    using json = nlohmann::ordered_json;
    json tablesJson = json::object();
    json rejectsJson = json::array();
    for (const TableReport &table : tables) {
        json entry;
        entry["source_rows"] = table.sourceRows;
        entry["expected_keys"] = table.expectedKeys;
        entry["keys_written"] = table.scan.keysWritten;
        entry["records_carried"] = table.scan.recordsCarried;
        entry["rejected_rows"] = table.scan.rejectedRows;
        entry["repaired_values"] = table.scan.repairedValues;
        entry["seconds"] = table.scan.seconds;
        entry["source_checksum"] = str(table.scan.checksum.toString());
        if (table.readBack) {
            entry["kv_keys"] = table.store.keys;
            entry["kv_records"] = table.store.records;
            entry["kv_rejected"] = table.store.rejected;
            entry["kv_undecodable"] = table.store.undecodable;
            entry["kv_checksum"] = str(table.store.checksum.toString());
            entry["counts_match"] = table.countsMatch();
            entry["checksums_match"] = table.checksumsMatch();
            entry["status"] = table.passed() ? "pass" : "fail";
        } else {
            entry["kv_checksum"] = nullptr;
            entry["status"] = "not verified";
        }
        tablesJson[str(tableName(table.table))] = entry;
        for (const RejectedRow &row : table.scan.rejects)
            rejectsJson.push_back({{"table", str(tableName(row.table))},
                                   {"rowid", row.rowid},
                                   {"column", str(row.column)},
                                   {"reason", str(row.reason)}});
    }
    json report;
    report["format_version"] = kvFormatVersion;
    report["tool_version"] = str(toolVersion());
    report["key_layout"] = str(keyLayoutName(layout));
    report["source"] = {{"path", str(source.path)},
                        {"size", source.sizeBytes},
                        {"modified", iso(source.modified)},
                        {"schema_version", source.schemaVersion}};
    report["destination"] = str(destination);
    report["started_at"] = iso(startedAt);
    report["finished_at"] = iso(finishedAt);
    report["tables"] = tablesJson;
    report["verified"] = readBack;
    report["stray_keys"] = strayKeys;
    report["passed"] = passed();
    report["rejected"] = rejectsJson;
    json notCarriedJson = json::array();
    for (const auto &[table, why] : notCarried)
        notCarriedJson.push_back({{"table", str(tableName(table))}, {"reason", str(why)}});
    report["not_carried"] = notCarriedJson;
    return report;
}

QString MigrationReport::toCsv() const {
    QString csv = QStringLiteral("table,sqlite_rows,kv_keys,kv_records,rejected,repaired,seconds,"
                                 "counts,checksum,status\n");
    for (const TableReport &table : tables) {
        const auto yesNo = [&](bool value) {
            return !table.readBack ? QString()
                   : value         ? QStringLiteral("match")
                                   : QStringLiteral("differ");
        };
        csv += QStringLiteral("%1,%2,%3,%4,%5,%6,%7,%8,%9,%10\n")
                   .arg(tableName(table.table))
                   .arg(table.sourceRows)
                   .arg(table.readBack ? QString::number(table.store.keys) : QString())
                   .arg(table.readBack ? QString::number(table.store.records) : QString())
                   .arg(table.readBack ? table.store.rejected : table.scan.rejectedRows)
                   .arg(table.scan.repairedValues)
                   .arg(table.scan.seconds, 0, 'f', 3)
                   .arg(yesNo(table.countsMatch()), yesNo(table.checksumsMatch()),
                        !table.readBack  ? QStringLiteral("not verified")
                        : table.passed() ? QStringLiteral("pass")
                                         : QStringLiteral("fail"));
    }
    return csv;
}

std::string MigrationReport::migrationRecord() const {
    using json = nlohmann::ordered_json;
    json record;
    record["format_version"] = kvFormatVersion;
    record["tool_version"] = str(toolVersion());
    record["key_layout"] = str(keyLayoutName(layout));
    record["source"] = {{"path", str(source.path)},
                        {"size", source.sizeBytes},
                        {"modified", iso(source.modified)},
                        {"schema_version", source.schemaVersion}};
    record["started_at"] = iso(startedAt);
    record["finished_at"] = iso(finishedAt);
    json tablesJson = json::object();
    for (const TableReport &table : tables) {
        tablesJson[str(tableName(table.table))] = {
            {"source_rows", table.sourceRows},
            {"keys_written", table.scan.keysWritten},
            {"records_carried", table.scan.recordsCarried},
            {"rejected_rows", table.scan.rejectedRows},
            {"repaired_values", table.scan.repairedValues},
            {"source_checksum", str(table.scan.checksum.toString())},
            {"kv_checksum",
             table.readBack ? json(str(table.store.checksum.toString())) : json(nullptr)}};
    }
    record["tables"] = tablesJson;
    return record.dump();
}

} // namespace magellan
