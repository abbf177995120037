#include "migrate/migration_report.h"

#include <QSaveFile>

#include <map>

namespace magellan {
namespace {

std::string iso(const QDateTime &time) {
    return time.toUTC().toString(Qt::ISODateWithMs).toStdString();
}

std::string str(const QString &text) {
    return text.toStdString();
}

// One CSV field (RFC 4180): quoted when it holds a comma, a quote, a line break or edge spaces.
QString csvField(const QString &text) {
    const bool quote = text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) ||
                       text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r')) ||
                       (!text.isEmpty() && (text.front().isSpace() || text.back().isSpace()));
    if (!quote)
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString qstr(std::string_view text) {
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// The CSV's columns, in order; each record fills the ones that apply to it.
const QStringList csvColumns{
    QStringLiteral("record"),   QStringLiteral("table"),      QStringLiteral("sqlite_rows"),
    QStringLiteral("kv_keys"),  QStringLiteral("kv_records"), QStringLiteral("rejected"),
    QStringLiteral("repaired"), QStringLiteral("seconds"),    QStringLiteral("counts"),
    QStringLiteral("checksum"), QStringLiteral("status"),     QStringLiteral("key"),
    QStringLiteral("rowid"),    QStringLiteral("kind"),       QStringLiteral("column"),
    QStringLiteral("detail")};

class CsvRecords {
public:
    CsvRecords() { m_text = csvColumns.join(QLatin1Char(',')) + QStringLiteral("\r\n"); }
    // One record: the named fields set, every other one empty.
    void add(const std::map<QString, QString> &fields) {
        QStringList line;
        for (const QString &column : csvColumns) {
            const auto it = fields.find(column);
            line << (it == fields.end() ? QString() : csvField(it->second));
        }
        m_text += line.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    QString text() const { return m_text; }

private:
    QString m_text;
};

} // namespace

Status saveReport(const MigrationReport &report, const QString &path, bool csv) {
    QSaveFile file(path);
    const QByteArray bytes =
        csv ? report.toCsv().toUtf8() : QByteArray::fromStdString(report.toJson().dump(2) + "\n");
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Status::ioError(
            QStringLiteral("%1: cannot write the report: %2").arg(path, file.errorString()));
    return Status::ok();
}

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

QString outcomeName(VerificationOutcome outcome) {
    switch (outcome) {
    case VerificationOutcome::NotVerified:
        return QStringLiteral("not_verified");
    case VerificationOutcome::Verified:
        return QStringLiteral("verified");
    case VerificationOutcome::VerifiedWithRejects:
        return QStringLiteral("verified_with_rejects");
    case VerificationOutcome::Failed:
        break;
    }
    return QStringLiteral("failed");
}

VerificationOutcome MigrationReport::outcome() const {
    if (!readBack)
        return VerificationOutcome::NotVerified;
    if (!passed())
        return VerificationOutcome::Failed;
    return rejectedRows() > 0 ? VerificationOutcome::VerifiedWithRejects
                              : VerificationOutcome::Verified;
}

qint64 MigrationReport::repairedValues() const {
    qint64 repaired = 0;
    for (const TableReport &table : tables)
        repaired += table.scan.repairedValues;
    return repaired;
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
    json repairsJson = json::array();
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
            rejectsJson.push_back(
                {{"table", str(tableName(row.table))},
                 {"key", kvkey::reject(tableDefinition(row.table).name, row.rowid)},
                 {"rowid", row.rowid},
                 {"column", str(row.column)},
                 {"reason", str(row.reason)}});
        for (const RepairedValue &value : table.scan.repairs)
            repairsJson.push_back({{"table", str(tableName(value.table))},
                                   {"key", value.key},
                                   {"rowid", value.rowid},
                                   {"column", str(value.column)},
                                   {"why", str(value.why())}});
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
    report["outcome"] = str(outcomeName(outcome()));
    json differencesJson = json::array();
    for (const Difference &difference : differences.listed()) {
        json entry;
        entry["table"] = difference.table ? json(str(tableName(*difference.table))) : json();
        entry["key"] = difference.key;
        entry["kind"] = std::string(differenceKindName(difference.kind));
        entry["rowid"] = difference.rowid ? json(*difference.rowid) : json();
        if (difference.kind == DifferenceKind::Changed)
            entry["fields"] = difference.fields;
        if (!difference.note.isEmpty())
            entry["note"] = str(difference.note);
        differencesJson.push_back(entry);
    }
    report["differences_total"] = differences.total();
    report["differences"] = differencesJson;
    report["tables"] = tablesJson;
    report["read_back"] = readBack;
    report["stray_keys"] = strayKeys;
    report["rejected_total"] = rejectedRows();
    report["rejected"] = rejectsJson;
    report["repaired_total"] = repairedValues();
    report["repaired"] = repairsJson;
    json orphansJson;
    orphansJson["checked"] = orphans.checked;
    if (!orphans.note.isEmpty())
        orphansJson["note"] = str(orphans.note);
    orphansJson["total"] = orphans.total();
    json orphanTables = json::object();
    for (const TableOrphans &table : orphans.tables) {
        json listed = json::array();
        for (const OrphanRow &row : table.listed)
            listed.push_back(
                {{"rowid", row.rowid}, {"key", row.key}, {"reference", str(row.reference)}});
        orphanTables[str(tableName(table.table))] = {
            {"rule", str(table.rule)}, {"total", table.total}, {"listed", listed}};
    }
    orphansJson["tables"] = orphanTables;
    report["orphans"] = orphansJson;
    json notCarriedJson = json::array();
    for (const auto &[table, why] : notCarried)
        notCarriedJson.push_back({{"table", str(tableName(table))}, {"reason", str(why)}});
    report["not_carried"] = notCarriedJson;
    return report;
}

QString MigrationReport::toCsv() const {
    CsvRecords csv;
    csv.add({{QStringLiteral("record"), QStringLiteral("outcome")},
             {QStringLiteral("status"), outcomeName(outcome())},
             {QStringLiteral("detail"),
              QStringLiteral("%1 differences, %2 rejected rows, %3 repaired values")
                  .arg(differences.total())
                  .arg(rejectedRows())
                  .arg(repairedValues())}});
    for (const TableReport &table : tables) {
        const auto yesNo = [&](bool value) {
            return !table.readBack ? QString()
                   : value         ? QStringLiteral("match")
                                   : QStringLiteral("differ");
        };
        csv.add({{QStringLiteral("record"), QStringLiteral("table")},
                 {QStringLiteral("table"), tableName(table.table)},
                 {QStringLiteral("sqlite_rows"), QString::number(table.sourceRows)},
                 {QStringLiteral("kv_keys"),
                  table.readBack ? QString::number(table.store.keys) : QString()},
                 {QStringLiteral("kv_records"),
                  table.readBack ? QString::number(table.store.records) : QString()},
                 {QStringLiteral("rejected"),
                  QString::number(table.readBack ? table.store.rejected : table.scan.rejectedRows)},
                 {QStringLiteral("repaired"), QString::number(table.scan.repairedValues)},
                 {QStringLiteral("seconds"), QString::number(table.scan.seconds, 'f', 3)},
                 {QStringLiteral("counts"), yesNo(table.countsMatch())},
                 {QStringLiteral("checksum"), yesNo(table.checksumsMatch())},
                 {QStringLiteral("status"), !table.readBack  ? QStringLiteral("not verified")
                                            : table.passed() ? QStringLiteral("pass")
                                                             : QStringLiteral("fail")}});
    }
    for (const Difference &difference : differences.listed()) {
        QStringList fields;
        for (const std::string &field : difference.fields)
            fields << qstr(field);
        csv.add(
            {{QStringLiteral("record"), QStringLiteral("difference")},
             {QStringLiteral("table"), difference.table ? tableName(*difference.table) : QString()},
             {QStringLiteral("key"), qstr(difference.key)},
             {QStringLiteral("rowid"),
              difference.rowid ? QString::number(*difference.rowid) : QString()},
             {QStringLiteral("kind"), qstr(differenceKindName(difference.kind))},
             {QStringLiteral("column"), fields.join(QLatin1Char(';'))},
             {QStringLiteral("detail"), difference.note}});
    }
    for (const TableReport &table : tables) {
        for (const RejectedRow &row : table.scan.rejects)
            csv.add({{QStringLiteral("record"), QStringLiteral("reject")},
                     {QStringLiteral("table"), tableName(row.table)},
                     {QStringLiteral("key"),
                      qstr(kvkey::reject(tableDefinition(row.table).name, row.rowid))},
                     {QStringLiteral("rowid"), QString::number(row.rowid)},
                     {QStringLiteral("column"), row.column},
                     {QStringLiteral("detail"), row.reason}});
        for (const RepairedValue &value : table.scan.repairs)
            csv.add({{QStringLiteral("record"), QStringLiteral("repaired")},
                     {QStringLiteral("table"), tableName(value.table)},
                     {QStringLiteral("key"), qstr(value.key)},
                     {QStringLiteral("rowid"), QString::number(value.rowid)},
                     {QStringLiteral("column"), value.column},
                     {QStringLiteral("detail"), value.why()}});
    }
    for (const TableOrphans &table : orphans.tables)
        for (const OrphanRow &row : table.listed)
            csv.add(
                {{QStringLiteral("record"), QStringLiteral("orphan")},
                 {QStringLiteral("table"), tableName(table.table)},
                 {QStringLiteral("key"), qstr(row.key)},
                 {QStringLiteral("rowid"), QString::number(row.rowid)},
                 {QStringLiteral("detail"), table.rule + QStringLiteral(": ") + row.reference}});
    return csv.text();
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
