#include "sqlite_db.h"

#include <sqlite3.h>

namespace magellan::fixture {

Statement::Statement(sqlite3 *db, std::string_view sql) : m_db(db) {
    const int code =
        sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &m_statement, nullptr);
    check(code, "prepare");
}

Statement::Statement(Statement &&other) noexcept
    : m_db(other.m_db), m_statement(other.m_statement) {
    other.m_statement = nullptr;
}

Statement::~Statement() {
    sqlite3_finalize(m_statement);
}

void Statement::bindInt(int index, long long value) {
    check(sqlite3_bind_int64(m_statement, index, value), "bind");
}

void Statement::bindReal(int index, double value) {
    check(sqlite3_bind_double(m_statement, index, value), "bind");
}

void Statement::bindText(int index, std::string_view text) {
    // A null data pointer would bind SQL NULL; an empty string must stay an empty string.
    const char *data = text.data() != nullptr ? text.data() : "";
    check(sqlite3_bind_text(m_statement, index, data, static_cast<int>(text.size()), SQLITE_STATIC),
          "bind");
}

void Statement::bindNull(int index) {
    check(sqlite3_bind_null(m_statement, index), "bind");
}

void Statement::execute() {
    const int code = sqlite3_step(m_statement);
    sqlite3_reset(m_statement);
    if (code != SQLITE_DONE && code != SQLITE_ROW) {
        check(code, "step");
    }
}

void Statement::check(int code, const char *what) const {
    if (code != SQLITE_OK) {
        throw SqliteError(std::string("sqlite ") + what + " failed: " + sqlite3_errmsg(m_db));
    }
}

Database::Database(const std::string &path) {
    const int code =
        sqlite3_open_v2(path.c_str(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (code != SQLITE_OK) {
        const std::string message = m_db != nullptr ? sqlite3_errmsg(m_db) : sqlite3_errstr(code);
        sqlite3_close(m_db);
        m_db = nullptr;
        throw SqliteError("cannot open " + path + ": " + message);
    }
}

Database::~Database() {
    sqlite3_close(m_db);
}

void Database::exec(const std::string &sql) {
    char *error = nullptr;
    if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
        const std::string message = error != nullptr ? error : sqlite3_errmsg(m_db);
        sqlite3_free(error);
        throw SqliteError("sqlite exec failed: " + message + " (in: " + sql.substr(0, 80) + ")");
    }
}

Statement Database::prepare(std::string_view sql) {
    return Statement(m_db, sql);
}

void Database::close() {
    if (sqlite3_close(m_db) != SQLITE_OK) {
        throw SqliteError(std::string("sqlite close failed: ") + sqlite3_errmsg(m_db));
    }
    m_db = nullptr;
}

} // namespace magellan::fixture
