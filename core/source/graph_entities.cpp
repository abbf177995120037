#include "source/graph_entities.h"

#include "source/source_database.h"

#include <sqlite3.h>

namespace magellan {
namespace {

using Statement = std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt *)>;

std::string columnText(sqlite3_stmt *statement, int column) {
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(statement, column));
    return text ? std::string(text, static_cast<size_t>(sqlite3_column_bytes(statement, column)))
                : std::string();
}

void bindText(sqlite3_stmt *statement, int parameter, const std::string &text) {
    sqlite3_reset(statement);
    sqlite3_bind_text(statement, parameter, text.data(), static_cast<int>(text.size()),
                      SQLITE_TRANSIENT);
}

} // namespace

struct GraphEntities::Statements {
    Statement files{nullptr, sqlite3_finalize};
    Statement pathOf{nullptr, sqlite3_finalize};
    Statement entity{nullptr, sqlite3_finalize};
    Statement filesAt{nullptr, sqlite3_finalize};
    Statement entitiesIn{nullptr, sqlite3_finalize};
};

Result<std::unique_ptr<GraphEntities>> GraphEntities::open(SourceDatabase &source) {
    auto statements = std::make_unique<Statements>();
    const auto prepare = [&](Statement &statement, const char *sql) {
        sqlite3_stmt *prepared = nullptr;
        const int code = sqlite3_prepare_v2(source.handle(), sql, -1, &prepared, nullptr);
        statement.reset(prepared);
        return code == SQLITE_OK;
    };
    // The path as sourceFilePath() spells it: file_path, else name.
    if (!prepare(statements->files, "SELECT id, coalesce(file_path, name) FROM graph_entities "
                                    "WHERE kind = 'File' ORDER BY id") ||
        !prepare(statements->pathOf, "SELECT file_path FROM graph_entities WHERE id = ?1") ||
        !prepare(statements->entity,
                 "SELECT kind, name, file_path FROM graph_entities WHERE id = ?1") ||
        !prepare(statements->filesAt, "SELECT id FROM graph_entities WHERE kind = 'File' AND "
                                      "coalesce(file_path, name) = ?1 ORDER BY id") ||
        !prepare(statements->entitiesIn, "SELECT id, name FROM graph_entities WHERE kind <> 'File' "
                                         "AND file_path = ?1 ORDER BY id"))
        return Status::invalidInput(
            QStringLiteral("%1: has no graph_entities table with id, kind, name and file_path (%2)")
                .arg(source.path(), QString::fromUtf8(sqlite3_errmsg(source.handle()))));
    return std::unique_ptr<GraphEntities>(new GraphEntities(source, std::move(statements)));
}

GraphEntities::GraphEntities(SourceDatabase &source, std::unique_ptr<Statements> statements)
    : m_source(source), m_statements(std::move(statements)) {}

GraphEntities::~GraphEntities() = default;

Status GraphEntities::stepError(int resultCode, const char *what) const {
    return m_source.sqliteError(
        resultCode,
        QStringLiteral("cannot read graph_entities (%1)").arg(QString::fromLatin1(what)));
}

Status
GraphEntities::forEachFile(const std::function<bool(std::int64_t, std::string_view)> &visit) {
    sqlite3_stmt *statement = m_statements->files.get();
    sqlite3_reset(statement);
    int code;
    while ((code = sqlite3_step(statement)) == SQLITE_ROW) {
        if (sqlite3_column_type(statement, 1) != SQLITE_TEXT)
            continue; // a File entity with neither path nor name names no file
        if (!visit(sqlite3_column_int64(statement, 0), columnText(statement, 1)))
            break;
    }
    if (code != SQLITE_ROW && code != SQLITE_DONE)
        return stepError(code, "File entities");
    sqlite3_reset(statement);
    return Status::ok();
}

Result<std::optional<EntityRow>> GraphEntities::entity(std::int64_t id) {
    sqlite3_stmt *statement = m_statements->entity.get();
    sqlite3_reset(statement);
    sqlite3_bind_int64(statement, 1, id);
    const int code = sqlite3_step(statement);
    if (code == SQLITE_DONE)
        return std::optional<EntityRow>();
    if (code != SQLITE_ROW)
        return stepError(code, "an entity");
    std::optional<EntityRow> row;
    if (sqlite3_column_type(statement, 0) == SQLITE_TEXT &&
        sqlite3_column_type(statement, 1) == SQLITE_TEXT) {
        row = EntityRow{columnText(statement, 0), columnText(statement, 1), std::nullopt};
        if (sqlite3_column_type(statement, 2) == SQLITE_TEXT)
            row->filePath = columnText(statement, 2);
    }
    sqlite3_reset(statement);
    return row;
}

Result<std::optional<std::string>> GraphEntities::filePathOf(std::int64_t id) {
    sqlite3_stmt *statement = m_statements->pathOf.get();
    sqlite3_reset(statement);
    sqlite3_bind_int64(statement, 1, id);
    const int code = sqlite3_step(statement);
    if (code == SQLITE_DONE)
        return std::optional<std::string>();
    if (code != SQLITE_ROW)
        return stepError(code, "an entity's file_path");
    std::optional<std::string> path;
    if (sqlite3_column_type(statement, 0) == SQLITE_TEXT)
        path = columnText(statement, 0);
    sqlite3_reset(statement);
    return path;
}

Result<std::vector<std::int64_t>> GraphEntities::filesAt(const std::string &path) {
    sqlite3_stmt *statement = m_statements->filesAt.get();
    bindText(statement, 1, path);
    std::vector<std::int64_t> ids;
    int code;
    while ((code = sqlite3_step(statement)) == SQLITE_ROW)
        ids.push_back(sqlite3_column_int64(statement, 0));
    if (code != SQLITE_DONE)
        return stepError(code, "File entities of a path");
    return ids;
}

Result<std::vector<FileEntity>> GraphEntities::entitiesIn(const std::string &path) {
    sqlite3_stmt *statement = m_statements->entitiesIn.get();
    bindText(statement, 1, path);
    std::vector<FileEntity> entities;
    int code;
    while ((code = sqlite3_step(statement)) == SQLITE_ROW)
        entities.push_back({sqlite3_column_int64(statement, 0), columnText(statement, 1)});
    if (code != SQLITE_DONE)
        return stepError(code, "the entities of a file");
    return entities;
}

} // namespace magellan
