#include "store_oracle.h"

#include "format/key_codec.h"

#include <QByteArray>

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <cmath>
#include <optional>
#include <vector>

namespace magellan::test {
namespace {

using Json = nlohmann::ordered_json;

constexpr int problemLimit = 20;

// The leading fields of each value, in order (kv-format.md, "Values").
const std::map<SourceTable, std::vector<std::string>> contractFields = {
    {SourceTable::CodeChunks,
     {"id", "file_path", "byte_start", "byte_end", "content", "content_hash", "symbol_name",
      "symbol_kind", "created_at"}},
    {SourceTable::AstNodes, {"id", "parent_id", "kind", "byte_start", "byte_end"}},
    {SourceTable::CfgBlocks,
     {"id", "function_id", "kind", "terminator", "byte_start", "byte_end", "start_line",
      "start_col", "end_line", "end_col"}},
};

struct StoredRow {
    Json fields;
    std::string key;
    std::optional<qint64> group; // ast/cfg: the group id of the key; nullopt for null
    bool matched = false;
    Json movedBase64 = Json::object(); // a reject's row_base64
};

struct StoreIndex {
    std::map<SourceTable, std::map<qint64, StoredRow>> carried;  // by the row's id
    std::map<SourceTable, std::map<qint64, StoredRow>> rejected; // by the source rowid
};

class Oracle {
public:
    Oracle(const QString &sourcePath, const std::map<std::string, std::string> &entries)
        : m_sourcePath(sourcePath), m_entries(entries) {}

    OracleResult run() {
        indexStore();
        sqlite3 *db = nullptr;
        if (sqlite3_open_v2(m_sourcePath.toUtf8().constData(), &db, SQLITE_OPEN_READONLY,
                            nullptr) != SQLITE_OK) {
            problem(QStringLiteral("cannot open the source: ") +
                    QString::fromUtf8(sqlite3_errmsg(db)));
        } else {
            for (const auto &[table, fields] : contractFields)
                checkTable(db, table);
        }
        sqlite3_close(db);
        for (auto *rows : {&m_index.carried, &m_index.rejected})
            for (const auto &[table, byId] : *rows)
                for (const auto &[id, row] : byId)
                    if (!row.matched)
                        problem(QStringLiteral("%1 holds row %2 that the source does not")
                                    .arg(QString::fromStdString(row.key))
                                    .arg(id));
        return std::move(m_result);
    }

private:
    void problem(const QString &text) {
        if (m_result.problems.size() < problemLimit)
            m_result.problems << text;
    }

    static std::optional<Json> parse(const std::string &value) {
        Json json = Json::parse(value, nullptr, false);
        return json.is_discarded() ? std::nullopt : std::optional<Json>(std::move(json));
    }

    void checkLeadingFields(SourceTable table, const Json &row, const std::string &key) {
        const std::vector<std::string> &expected = contractFields.at(table);
        size_t i = 0;
        std::string previous;
        for (auto it = row.begin(); it != row.end() && i < expected.size(); ++it) {
            if (it.key() == previous + "_base64")
                continue; // the sibling of a repaired value sits right after it
            if (it.key() != expected[i])
                break;
            previous = expected[i++];
        }
        if (i != expected.size())
            problem(QStringLiteral("%1: the value does not start with the contract's fields")
                        .arg(QString::fromStdString(key)));
    }

    void addCarried(SourceTable table, const std::string &key, Json row,
                    std::optional<qint64> group) {
        if (!row.is_object() || !row.contains("id") || !row["id"].is_number_integer()) {
            problem(
                QStringLiteral("%1: a row without an integer id").arg(QString::fromStdString(key)));
            return;
        }
        checkLeadingFields(table, row, key);
        const qint64 id = row["id"].get<qint64>();
        auto [it, added] =
            m_index.carried[table].try_emplace(id, StoredRow{std::move(row), key, group});
        if (!added)
            problem(QStringLiteral("%1: id %2 is carried twice")
                        .arg(QString::fromStdString(key))
                        .arg(id));
    }

    void indexStore() {
        for (const auto &[key, value] : m_entries) {
            if (key == kvkey::migrationRecord)
                continue;
            const std::optional<Json> json = parse(value);
            if (!json) {
                problem(
                    QStringLiteral("%1: the value is not JSON").arg(QString::fromStdString(key)));
                continue;
            }
            if (key.starts_with("reject:")) {
                indexReject(key, *json);
            } else if (key.starts_with(kvkey::chunkPrefix)) {
                const std::optional<ChunkKey> parsed = kvkey::parseChunk(key);
                if (!parsed || !json->is_object() ||
                    json->value("file_path", Json()) != parsed->path ||
                    json->value("byte_start", Json()) != parsed->byteStart ||
                    json->value("byte_end", Json()) != parsed->byteEnd)
                    problem(QStringLiteral("%1: the key does not parse back to its row's path and "
                                           "offsets")
                                .arg(QString::fromStdString(key)));
                addCarried(SourceTable::CodeChunks, key, *json, std::nullopt);
            } else if (key.starts_with("ast:") || key.starts_with("cfg:")) {
                const SourceTable table =
                    key[0] == 'a' ? SourceTable::AstNodes : SourceTable::CfgBlocks;
                const std::string group = key.substr(4);
                const std::optional<qint64> groupId =
                    group == "null" ? std::nullopt : std::optional<qint64>(std::stoll(group));
                if (!json->is_array() || json->empty())
                    problem(QStringLiteral("%1: not a non-empty array")
                                .arg(QString::fromStdString(key)));
                for (const Json &element : *json)
                    addCarried(table, key, element, groupId);
            } else {
                problem(QStringLiteral("%1: a key of no migrated table")
                            .arg(QString::fromStdString(key)));
            }
        }
    }

    void indexReject(const std::string &key, const Json &json) {
        const size_t colon = key.find(':', 7);
        const TableDefinition *definition =
            colon == std::string::npos
                ? nullptr
                : findTableDefinition(QString::fromStdString(key.substr(7, colon - 7)));
        if (!definition) {
            problem(
                QStringLiteral("%1: a reject of no known table").arg(QString::fromStdString(key)));
            return;
        }
        // row_base64: the exact bytes of a repair whose _base64 name a column takes (rev. 2).
        const bool moved =
            json.is_object() && json.contains("row_base64") && json["row_base64"].is_object();
        const bool wellFormed = json.is_object() && json.size() == (moved ? 4u : 3u) &&
                                json.contains("reason") && json["reason"].is_string() &&
                                !json["reason"].get<std::string>().empty() &&
                                json.contains("column") && json["column"].is_string() &&
                                json.contains("row") && json["row"].is_object();
        if (!wellFormed) {
            problem(
                QStringLiteral("%1: not {reason, column, row}").arg(QString::fromStdString(key)));
            return;
        }
        const qint64 rowid = std::stoll(key.substr(colon + 1));
        StoredRow row{json["row"], key, std::nullopt};
        if (moved)
            row.movedBase64 = json["row_base64"];
        m_index.rejected[definition->table].emplace(rowid, std::move(row));
    }

    // "" when `stored` holds the source value of column `column` of `statement`, else what differs.
    // `siblingIsColumn`: a column of the table is named {name}_base64, so a repair's bytes are
    // in the reject's row_base64 (a carried row never needs one).
    static QString compareValue(const Json &row, const Json &movedBase64, bool siblingIsColumn,
                                const std::string &name, sqlite3_stmt *statement, int column) {
        const auto found = row.find(name);
        if (found == row.end())
            return QStringLiteral("no field");
        const Json &value = *found;
        const Json &siblings = siblingIsColumn ? movedBase64 : row;
        const auto base64 = siblings.find(siblingIsColumn ? name : name + "_base64");
        switch (sqlite3_column_type(statement, column)) {
        case SQLITE_NULL:
            return value.is_null() ? QString() : QStringLiteral("expected null");
        case SQLITE_INTEGER:
            return value.is_number_integer() &&
                           value.get<qint64>() == sqlite3_column_int64(statement, column)
                       ? QString()
                       : QStringLiteral("expected integer %1")
                             .arg(sqlite3_column_int64(statement, column));
        case SQLITE_FLOAT: {
            const double real = sqlite3_column_double(statement, column);
            if (std::isinf(real)) // no JSON number: only a reject's row shows it, as a string
                return value == (real > 0 ? "Infinity" : "-Infinity")
                           ? QString()
                           : QStringLiteral("expected Infinity");
            return value.is_number_float() && value.get<double>() == real
                       ? QString()
                       : QStringLiteral("expected real %1").arg(real, 0, 'g', 17);
        }
        default: {
            const bool blob = sqlite3_column_type(statement, column) == SQLITE_BLOB;
            const auto *data = static_cast<const char *>(sqlite3_column_blob(statement, column));
            const QByteArray bytes(data ? data : "", sqlite3_column_bytes(statement, column));
            // Independent of core/utf8: Qt's decoder round-trips exactly the well-formed texts.
            const bool validText = !blob && QString::fromUtf8(bytes).toUtf8() == bytes;
            if (validText)
                return value.is_string() && value.get<std::string>() == bytes.toStdString() &&
                               base64 == siblings.end()
                           ? QString()
                           : QStringLiteral("expected the text as it is");
            if (!value.is_string() || base64 == siblings.end() || !base64->is_string() ||
                base64->get<std::string>() != bytes.toBase64().toStdString())
                return QStringLiteral("expected a string and the exact bytes in %1_base64")
                    .arg(QString::fromStdString(name));
            return {};
        }
        }
    }

    void checkTable(sqlite3 *db, SourceTable table) {
        const std::string name(tableDefinition(table).name);
        sqlite3_stmt *statement = nullptr;
        // The row id by a name no column takes; columns matched as SQLite matches them.
        std::string rowid;
        for (const char *candidate : {"rowid", "_rowid_", "oid"}) {
            sqlite3_stmt *probe = nullptr;
            const std::string probeSql = "SELECT 1 FROM pragma_table_xinfo('" + name +
                                         "') WHERE lower(name) = '" + candidate + "'";
            sqlite3_prepare_v2(db, probeSql.c_str(), -1, &probe, nullptr);
            const bool taken = probe && sqlite3_step(probe) == SQLITE_ROW;
            sqlite3_finalize(probe);
            if (!taken) {
                rowid = candidate;
                break;
            }
        }
        const std::string sql = "SELECT " + rowid + ", * FROM \"" + name + "\"";
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
            sqlite3_finalize(statement);
            return; // the source has no such table
        }
        OracleCounts &counts = m_result.tables[table];
        const int columns = sqlite3_column_count(statement);
        while (sqlite3_step(statement) == SQLITE_ROW) {
            ++counts.sourceRows;
            const qint64 rowid = sqlite3_column_int64(statement, 0);
            const QString where =
                QStringLiteral("%1 rowid %2: ").arg(QString::fromStdString(name)).arg(rowid);
            auto rejected = m_index.rejected[table].find(rowid);
            StoredRow *stored = nullptr;
            if (rejected != m_index.rejected[table].end()) {
                stored = &rejected->second;
                ++counts.rejected;
            } else {
                int idColumn = -1;
                for (int c = 1; c < columns; ++c)
                    if (sameSqlName(sqlite3_column_name(statement, c), "id"))
                        idColumn = c;
                if (idColumn < 0 || sqlite3_column_type(statement, idColumn) != SQLITE_INTEGER) {
                    problem(where + QStringLiteral("neither rejected nor with an integer id"));
                    continue;
                }
                auto carried =
                    m_index.carried[table].find(sqlite3_column_int64(statement, idColumn));
                if (carried == m_index.carried[table].end()) {
                    problem(where + QStringLiteral("lost: neither carried nor rejected"));
                    continue;
                }
                stored = &carried->second;
                ++counts.carried;
            }
            stored->matched = true;
            const bool isReject = rejected != m_index.rejected[table].end();
            for (int c = 1; c < columns; ++c) {
                std::string column = sqlite3_column_name(statement, c);
                // In a value a listed field keeps the contract's spelling; a reject's row keeps
                // every column's own.
                for (const std::string &field : contractFields.at(table))
                    if (!isReject && sameSqlName(field, column))
                        column = field;
                if (!isReject && sameSqlName(column, "file_id"))
                    column = "file_id";
                QString difference;
                if (!isReject && table == SourceTable::AstNodes && column == "file_id") {
                    const bool isNull = sqlite3_column_type(statement, c) == SQLITE_NULL;
                    if (isNull != !stored->group.has_value() ||
                        (!isNull && *stored->group != sqlite3_column_int64(statement, c)))
                        difference = QStringLiteral("in the wrong group");
                } else {
                    std::string sibling = column + "_base64";
                    bool siblingIsColumn = false;
                    for (int o = 1; o < columns; ++o)
                        siblingIsColumn = siblingIsColumn ||
                                          sameSqlName(sqlite3_column_name(statement, o), sibling);
                    difference = compareValue(stored->fields, stored->movedBase64, siblingIsColumn,
                                              column, statement, c);
                }
                if (!difference.isEmpty())
                    problem(where + QString::fromStdString(column) + QStringLiteral(": ") +
                            difference +
                            QStringLiteral(" (in %1)").arg(QString::fromStdString(stored->key)));
            }
            if (!isReject && table == SourceTable::CfgBlocks) {
                const Json function = stored->fields.value("function_id", Json());
                if (function.is_null() != !stored->group.has_value() ||
                    (!function.is_null() && function.get<qint64>() != *stored->group))
                    problem(where + QStringLiteral("in the wrong group"));
            }
        }
        sqlite3_finalize(statement);
    }

    QString m_sourcePath;
    const std::map<std::string, std::string> &m_entries;
    StoreIndex m_index;
    OracleResult m_result;
};

} // namespace

OracleResult checkStoreAgainstSource(const QString &sourcePath,
                                     const std::map<std::string, std::string> &entries) {
    return Oracle(sourcePath, entries).run();
}

} // namespace magellan::test
