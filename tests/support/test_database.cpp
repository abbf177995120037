#include "test_database.h"

#include "store/bulk_load_sink.h"
#include "store/kv_store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSettings>

#include <rocksdb/db.h>
#include <sqlite3.h>

#include <memory>

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

QString writeStore(const QString &path,
                   const std::vector<std::pair<std::string, std::string>> &entries) {
    auto store = KvStore::open(path, KvStore::Mode::CreateNew);
    if (!store.isOk())
        return store.status().message();
    BulkLoadSink sink(*store.value(), path + QStringLiteral(".tables"));
    for (const auto &[key, value] : entries)
        if (Status status = sink.put(key, value); !status.isOk())
            return status.message();
    return sink.finish().message();
}

QString tamperStore(const QString &path, const std::string &key,
                    const std::optional<std::string> &value) {
    rocksdb::Options options;
    options.disable_auto_compactions = true; // the tampered key alone changes
    rocksdb::DB *opened = nullptr;
    rocksdb::Status status =
        rocksdb::DB::Open(options, QFile::encodeName(path).toStdString(), &opened);
    if (!status.ok())
        return QString::fromStdString(status.ToString());
    const std::unique_ptr<rocksdb::DB> db(opened);
    status = value ? db->Put(rocksdb::WriteOptions(), key, *value)
                   : db->Delete(rocksdb::WriteOptions(), key);
    if (status.ok())
        status = db->Flush(rocksdb::FlushOptions());
    if (status.ok())
        status = db->Close();
    return status.ok() ? QString() : QString::fromStdString(status.ToString());
}

void keepSettingsIn(const QString &folder) {
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, folder);
    QCoreApplication::setOrganizationName(QStringLiteral("magellan-kv-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("magellan-kv-tests"));
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
