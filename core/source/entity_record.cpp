#include "source/entity_record.h"

#include "source/source_database.h"

#include <QStringDecoder>

#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include <memory>

namespace magellan {
namespace {

using Statement = std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt *)>;

Statement prepare(SourceDatabase &source, const char *sql) {
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(source.handle(), sql, -1, &statement, nullptr) != SQLITE_OK) {
        sqlite3_finalize(statement);
        statement = nullptr;
    }
    return Statement(statement, sqlite3_finalize);
}

// The column as text when it is TEXT and UTF-8; nullopt otherwise.
std::optional<QString> utf8Column(sqlite3_stmt *statement, int column) {
    if (sqlite3_column_type(statement, column) != SQLITE_TEXT)
        return std::nullopt;
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(statement, column));
    const int size = sqlite3_column_bytes(statement, column);
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString decoded = utf8.decode(QByteArrayView(text, size));
    if (utf8.hasError())
        return std::nullopt;
    return decoded;
}

std::optional<qint64> integerField(const nlohmann::json &object, const char *name) {
    const auto it = object.find(name);
    if (it == object.end() || !it->is_number_integer())
        return std::nullopt;
    return it->get<qint64>();
}

std::optional<QString> stringField(const nlohmann::json &object, const char *name) {
    const auto it = object.find(name);
    if (it == object.end() || !it->is_string())
        return std::nullopt;
    return QString::fromStdString(it->get<std::string>());
}

} // namespace

QString EntityRecord::path() const {
    if (filePath)
        return *filePath;
    if (dataPath)
        return *dataPath;
    return kind == QLatin1String("File") ? name : QString();
}

Result<std::optional<QString>> readIndexRoot(SourceDatabase &source) {
    // Without the column (before schema 21) the statement does not prepare: no root, no error.
    Statement statement =
        prepare(source, "SELECT index_root FROM magellan_meta ORDER BY id LIMIT 1");
    if (!statement)
        return std::optional<QString>();
    const int code = sqlite3_step(statement.get());
    if (code == SQLITE_DONE)
        return std::optional<QString>();
    if (code != SQLITE_ROW)
        return source.sqliteError(code, QStringLiteral("cannot read magellan_meta.index_root"));
    std::optional<QString> root = utf8Column(statement.get(), 0);
    if (root && root->trimmed().isEmpty())
        root.reset();
    return root;
}

Result<std::optional<EntityRecord>> readEntityRecord(SourceDatabase &source, std::int64_t id) {
    bool hasData = true;
    Statement statement =
        prepare(source, "SELECT kind, name, file_path, data FROM graph_entities WHERE id = ?1");
    if (!statement) {
        hasData = false;
        statement =
            prepare(source, "SELECT kind, name, file_path FROM graph_entities WHERE id = ?1");
    }
    if (!statement)
        statement = prepare(source, "SELECT kind, name, NULL FROM graph_entities WHERE id = ?1");
    if (!statement)
        return Status::invalidInput(
            QStringLiteral("%1: has no graph_entities table with id, kind and name (%2)")
                .arg(source.path(), QString::fromUtf8(sqlite3_errmsg(source.handle()))));
    sqlite3_bind_int64(statement.get(), 1, id);
    const int code = sqlite3_step(statement.get());
    if (code == SQLITE_DONE)
        return std::optional<EntityRecord>();
    if (code != SQLITE_ROW)
        return source.sqliteError(code, QStringLiteral("cannot read graph_entities"));
    EntityRecord record;
    record.id = id;
    record.kind = utf8Column(statement.get(), 0).value_or(QString());
    record.name = utf8Column(statement.get(), 1).value_or(QString());
    record.filePath = utf8Column(statement.get(), 2);
    if (!hasData) {
        record.dataNote = QStringLiteral("graph_entities has no data column");
        return std::optional<EntityRecord>(std::move(record));
    }
    const std::optional<QString> data = utf8Column(statement.get(), 3);
    if (!data) {
        record.dataNote = QStringLiteral("the entity's data is NULL or not UTF-8 text");
        return std::optional<EntityRecord>(std::move(record));
    }
    const nlohmann::json parsed = nlohmann::json::parse(data->toStdString(), nullptr, false);
    if (!parsed.is_object()) {
        record.dataNote = QStringLiteral("the entity's data is not a JSON object");
        return std::optional<EntityRecord>(std::move(record));
    }
    record.dataPath = stringField(parsed, "path");
    record.hash = stringField(parsed, "hash");
    record.byteStart = integerField(parsed, "byte_start");
    record.byteEnd = integerField(parsed, "byte_end");
    record.startLine = integerField(parsed, "start_line");
    record.endLine = integerField(parsed, "end_line");
    return std::optional<EntityRecord>(std::move(record));
}

} // namespace magellan
