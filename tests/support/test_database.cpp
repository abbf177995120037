#include "test_database.h"

#include "store/kv_store.h"

#include <QDir>
#include <QFile>

#include <sqlite3.h>

namespace magellan::test {

QString createDatabase(const QString &path, const QString &sql) {
    sqlite3 *db = nullptr;
    if (sqlite3_open(path.toUtf8().constData(), &db) != SQLITE_OK) {
        const QString error = QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_close(db);
        return error;
    }
    char *error = nullptr;
    const int rc = sqlite3_exec(db, sql.toUtf8().constData(), nullptr, nullptr, &error);
    const QString message = rc == SQLITE_OK ? QString() : QString::fromUtf8(error);
    sqlite3_free(error);
    sqlite3_close(db);
    return message;
}

std::map<std::string, std::string> readStore(const QString &path) {
    std::map<std::string, std::string> entries;
    auto store = KvStore::open(path, KvStore::Mode::ReadOnly);
    if (!store.isOk())
        return entries;
    const auto cursor = store.value()->cursor();
    for (cursor->seekToFirst(); cursor->isValid(); cursor->next())
        entries.emplace(std::string(cursor->key()), std::string(cursor->value()));
    return entries;
}

QString tamperStore(const QString &path, const std::string &key,
                    const std::optional<std::string> &value) {
    auto store = KvStore::open(path, KvStore::Mode::ReadWrite);
    if (!store.isOk())
        return store.status().message();
    Status status = value ? store.value()->put(key, *value) : store.value()->remove(key);
    if (status.isOk())
        status = store.value()->flush();
    return status.message();
}

int rootPage(const QString &path, const char *name) {
    sqlite3 *db = nullptr;
    sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt *statement = nullptr;
    sqlite3_prepare_v2(db, "SELECT rootpage FROM sqlite_master WHERE name = ?1", -1, &statement,
                       nullptr);
    sqlite3_bind_text(statement, 1, name, -1, SQLITE_STATIC);
    const int root = sqlite3_step(statement) == SQLITE_ROW ? sqlite3_column_int(statement, 0) : 0;
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return root;
}

QByteArray fileBytes(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList folderEntries(const QString &path) {
    return QDir(path).entryList(
        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace magellan::test
