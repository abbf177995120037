#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

struct sqlite3;
struct sqlite3_stmt;

namespace magellan::fixture {

class SqliteError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A prepared statement reused for many rows. Text is bound without a copy: it must stay
// alive until execute() returns.
class Statement {
public:
    Statement(sqlite3 *db, std::string_view sql);
    Statement(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    Statement &operator=(Statement &&) = delete;
    ~Statement();

    void bindInt(int index, long long value);
    void bindReal(int index, double value);
    void bindText(int index, std::string_view text);
    void bindNull(int index);

    template <typename T> void bindOptional(int index, const std::optional<T> &value) {
        if (!value) {
            bindNull(index);
        } else if constexpr (std::is_floating_point_v<T>) {
            bindReal(index, *value);
        } else if constexpr (std::is_integral_v<T>) {
            bindInt(index, *value);
        } else {
            bindText(index, *value);
        }
    }

    // Runs the statement to completion and resets it for the next row.
    void execute();

private:
    void check(int code, const char *what) const;

    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
};

// An open read-write connection that creates the file when missing. Errors throw SqliteError.
class Database {
public:
    explicit Database(const std::string &path);
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;
    ~Database();

    void exec(const std::string &sql);
    Statement prepare(std::string_view sql);
    // Closes now (every Statement must be gone), reporting a failure instead of hiding it.
    void close();

private:
    sqlite3 *m_db = nullptr;
};

} // namespace magellan::fixture
