#include "source/source_database.h"

#include "source/table_query.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUrl>
#include <QUuid>

#include <sqlite3.h>

#include <algorithm>
#include <fcntl.h>
#include <unistd.h>

namespace magellan {
namespace {

quint32 bigEndian(const QByteArray &bytes, int offset, int size) {
    quint32 value = 0;
    for (int i = 0; i < size; ++i)
        value = (value << 8) | static_cast<unsigned char>(bytes[offset + i]);
    return value;
}

// A WAL database in a folder this process cannot write: SQLite cannot create the -shm file that
// it reads a -wal through. With no -wal, every committed row is in the main file, so it can be read
// as immutable; with one, there is no way in, and the message says what to do.
Result<bool> needsImmutableOpen(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray header = file.read(20);
    const bool wal = header.size() == 20 && header[18] == 2 && header[19] == 2;
    const QFileInfo info(path);
    if (!wal || QFileInfo::exists(path + QStringLiteral("-shm")) ||
        ::access(QFile::encodeName(info.absolutePath()).constData(), W_OK) == 0)
        return false;
    if (QFileInfo::exists(path + QStringLiteral("-wal")))
        return Status::invalidInput(
            QStringLiteral("%1: is in WAL mode and has a -wal file, but its folder cannot be "
                           "written, so SQLite cannot create the -shm file it needs to read them; "
                           "copy the database with its -wal file to a writable folder")
                .arg(path));
    return true;
}

constexpr int truncationRereads = 25; // 20 ms apart: half a second for a write to finish

} // namespace

bool SourceInfo::hasAnySideTable() const {
    return std::any_of(tables.begin(), tables.end(), [](const SourceTableInfo &t) {
        return !tableDefinition(t.table).optional && t.named();
    });
}

Status checkSourceFile(const QString &path) {
    const QFileInfo info(path);
    if (!info.exists())
        return Status::invalidInput(QStringLiteral("%1: no such file").arg(path));
    if (info.isDir())
        return Status::invalidInput(
            QStringLiteral("%1: is a folder, not a database file").arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly |
                   QIODevice::Unbuffered)) // read again below: no stale buffer
        return Status::invalidInput(
            QStringLiteral("%1: cannot be read: %2").arg(path, file.errorString()));
    qint64 size = file.size();
    if (size == 0)
        return Status::invalidInput(
            QStringLiteral("%1: is empty (0 bytes), not a magellan database").arg(path));
    QByteArray header = file.read(100);
    if (header.startsWith("MAG2"))
        return Status::invalidInput(
            QStringLiteral("%1: is a magellan Native V2 file (MAG2), not SQLite; it is already in "
                           "a native format and has nothing to migrate")
                .arg(path));
    if (header.size() < 100 || !header.startsWith(QByteArray("SQLite format 3\0", 16)))
        return Status::invalidInput(
            QStringLiteral("%1: is not a SQLite database (no SQLite header)").arg(path));
    quint32 pageSize = bigEndian(header, 16, 2);
    if (pageSize == 1)
        pageSize = 65536;
    if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0)
        return Status::corrupt(QStringLiteral("%1: is corrupt (invalid page size %2 in the header)")
                                   .arg(path)
                                   .arg(pageSize));
    if (size % pageSize != 0)
        return Status::corrupt(
            QStringLiteral("%1: is truncated or damaged (%2 bytes is not a whole number of %3-byte "
                           "pages)")
                .arg(path)
                .arg(size)
                .arg(pageSize));
    // Another connection's commit or checkpoint writes page 1, with the new page count, before it
    // extends the file: a file shorter than its header says is read again a few times before it
    // is called truncated.
    for (int reread = 0;; ++reread) {
        const quint32 changeCounter = bigEndian(header, 24, 4);
        const quint32 headerPages = bigEndian(header, 28, 4);
        const quint32 validFor = bigEndian(header, 92, 4);
        if (headerPages == 0 || changeCounter != validFor ||
            static_cast<qint64>(headerPages) * pageSize <= size)
            return Status::ok();
        if (reread == truncationRereads)
            return Status::corrupt(
                QStringLiteral("%1: is truncated (%2 bytes, but its header says %3 pages of %4 "
                               "bytes)")
                    .arg(path)
                    .arg(size)
                    .arg(headerPages)
                    .arg(pageSize));
        QThread::msleep(20);
        if (!file.seek(0) || (header = file.read(100)).size() < 100)
            return Status::invalidInput(
                QStringLiteral("%1: cannot be read: %2").arg(path, file.errorString()));
        size = file.size();
    }
}

SourceDatabase::SourceDatabase(QString path, QString connectionName)
    : m_path(std::move(path)), m_connectionName(std::move(connectionName)) {}

SourceDatabase::~SourceDatabase() {
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (m_handle)
            sqlite3_exec(m_handle, "ROLLBACK", nullptr, nullptr, nullptr); // ends the snapshot
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    removeSidecarsThisRunCreated();
}

// Opening a WAL database read-only creates its -wal and -shm files when they are absent. They are
// removed again when this run created them, the -wal is still empty and no other process has the
// -shm open (every SQLite connection keeps a read lock on it): the folder is left as it was.
void SourceDatabase::removeSidecarsThisRunCreated() {
    const QString wal = m_realPath + QStringLiteral("-wal");
    const QString shm = m_realPath + QStringLiteral("-shm");
    if (!m_sidecarsCreated.contains(shm) || !QFileInfo::exists(shm))
        return;
    const QByteArray shmName = QFile::encodeName(shm);
    const int fd = ::open(shmName.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return;
    struct flock lock {};
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET; // the whole file: every lock byte SQLite uses
    const bool unused = ::fcntl(fd, F_GETLK, &lock) == 0 && lock.l_type == F_UNLCK;
    ::close(fd);
    if (!unused)
        return;
    // A -wal this run created goes when it is still empty; a -wal that was there stays, and the
    // next opener builds its -shm again from it.
    if (m_sidecarsCreated.contains(wal) && QFileInfo(wal).size() == 0)
        ::unlink(QFile::encodeName(wal).constData());
    ::unlink(shmName.constData());
}

Result<std::unique_ptr<SourceDatabase>> SourceDatabase::open(const QString &path,
                                                             int lockTimeoutMs) {
    if (Status status = checkSourceFile(path); !status.isOk())
        return status;
    const QString connectionName =
        QStringLiteral("magellan-kv-source-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::unique_ptr<SourceDatabase> source(new SourceDatabase(path, connectionName));
    source->m_lockTimeoutMs = lockTimeoutMs;
    source->m_realPath = QFileInfo(path).canonicalFilePath();
    const QString &real = source->m_realPath;
    for (const QString &sidecar : {real + QStringLiteral("-wal"), real + QStringLiteral("-shm")})
        if (!QFileInfo::exists(sidecar) && !QFileInfo(sidecar).isSymLink())
            source->m_sidecarsCreated << sidecar;
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    if (!db.isValid())
        return Status::internal(
            QStringLiteral("%1: the Qt SQLite driver (QSQLITE) is not available").arg(path));
    const Result<bool> immutable = needsImmutableOpen(path);
    if (!immutable.isOk())
        return immutable.status();
    QString options =
        QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=%1").arg(lockTimeoutMs);
    if (immutable.value()) {
        db.setDatabaseName(
            QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toString(QUrl::FullyEncoded) +
            QStringLiteral("?immutable=1"));
        options += QStringLiteral(";QSQLITE_OPEN_URI");
    } else {
        db.setDatabaseName(path);
    }
    db.setConnectOptions(options);
    if (!db.open())
        return Status::invalidInput(
            QStringLiteral("%1: cannot be opened: %2").arg(path, db.lastError().text()));
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return Status::internal(
            QStringLiteral("%1: the Qt SQLite driver gave no sqlite3 handle").arg(path));
    source->m_handle = *static_cast<sqlite3 *const *>(handle.constData());
    if (Status status = source->beginSnapshot(); !status.isOk())
        return status;
    return source;
}

Status SourceDatabase::sqliteError(int resultCode, const QString &what) const {
    const int primary = resultCode & 0xFF;
    const QString detail = QString::fromUtf8(sqlite3_errstr(resultCode));
    switch (primary) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return Status::busy(QStringLiteral("%1: is locked by another process (waited %2 s): %3")
                                .arg(m_path)
                                .arg(m_lockTimeoutMs / 1000.0)
                                .arg(what));
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return Status::corrupt(QStringLiteral("%1: is corrupt (%2): %3").arg(m_path, detail, what));
    case SQLITE_READONLY:
        if (QFileInfo(m_realPath + QStringLiteral("-journal")).size() > 0)
            return Status::invalidInput(
                QStringLiteral("%1: has a hot rollback journal (%2-journal): a program stopped "
                               "while writing to it, and its last change must be rolled back "
                               "before it can be read. magellan-kv opens sources read-only and "
                               "will not do that; open the database once with sqlite3 (or "
                               "magellan) in a folder you can write, then migrate again")
                    .arg(m_path, m_realPath));
        [[fallthrough]];
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
        return Status::ioError(
            QStringLiteral("%1: cannot be read (%2): %3").arg(m_path, detail, what));
    default:
        return Status::invalidInput(QStringLiteral("%1: %2: %3").arg(m_path, detail, what));
    }
}

Status SourceDatabase::beginSnapshot() {
    // A deferred BEGIN, then one read: the snapshot is fixed here and kept until the destructor.
    char *error = nullptr;
    int rc = sqlite3_exec(m_handle, "BEGIN", nullptr, nullptr, &error);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(m_handle, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, &error);
    const QString message = error ? QString::fromUtf8(error) : QString();
    sqlite3_free(error);
    if (rc != SQLITE_OK)
        return sqliteError(rc, message.isEmpty() ? QStringLiteral("reading the schema") : message);
    return Status::ok();
}

Result<SourceInfo> SourceDatabase::inspect(bool countGroups) {
    return readSchema(true, countGroups);
}

Result<SourceInfo> SourceDatabase::inspectColumns() {
    return readSchema(false, false);
}

namespace {

// What a side table's name holds when it is not an ordinary rowid table; "" when it is one.
QString notReadableAs(const QString &type, bool withoutRowid) {
    if (type == QLatin1String("view"))
        return QStringLiteral("a view");
    if (type == QLatin1String("virtual"))
        return QStringLiteral("a virtual table");
    if (type == QLatin1String("shadow"))
        return QStringLiteral("a shadow table of a virtual table");
    if (type != QLatin1String("table"))
        return QStringLiteral("a %1").arg(type);
    if (withoutRowid)
        return QStringLiteral("a WITHOUT ROWID table");
    return {};
}

} // namespace

Result<SourceInfo> SourceDatabase::readSchema(bool countRows, bool countGroups) {
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    SourceInfo info;
    const QFileInfo file(m_path);
    info.path = file.absoluteFilePath();
    info.sizeBytes = file.size();
    info.modified = file.lastModified().toUTC();

    QSqlQuery query(db);
    const auto failed = [&](const QString &what) {
        const QSqlError error = query.lastError();
        return sqliteError(error.nativeErrorCode().toInt(),
                           what + QStringLiteral(": ") + error.text());
    };
    if (!query.exec(QStringLiteral("PRAGMA journal_mode")))
        return failed(QStringLiteral("reading the journal mode"));
    if (query.next())
        info.journalMode = query.value(0).toString();

    struct SchemaObject {
        QString name;
        QString type; // table, view, virtual, shadow
        bool withoutRowid = false;
    };
    std::vector<SchemaObject> objects;
    if (!query.exec(
            QStringLiteral("SELECT name, type, wr FROM pragma_table_list WHERE schema = 'main'")))
        return failed(QStringLiteral("reading the schema"));
    while (query.next())
        objects.push_back(
            {query.value(0).toString(), query.value(1).toString(), query.value(2).toInt() != 0});
    // SQLite matches names without regard to ASCII case: so does every lookup here.
    const auto findObject = [&](std::string_view name) -> const SchemaObject * {
        for (const SchemaObject &object : objects)
            if (sameSqlName(object.name.toStdString(), name))
                return &object;
        return nullptr;
    };

    if (const SchemaObject *meta = findObject("magellan_meta");
        meta &&
        query.exec(QStringLiteral("SELECT magellan_schema_version FROM %1 LIMIT 1")
                       .arg(quotedIdentifier(meta->name))) &&
        query.next())
        info.schemaVersion = query.value(0).toInt();

    for (const TableDefinition &definition : allTableDefinitions()) {
        SourceTableInfo table;
        table.table = definition.table;
        const SchemaObject *object = findObject(definition.name);
        if (object) {
            table.sqlName = object->name;
            table.notReadable = notReadableAs(object->type, object->withoutRowid);
        }
        table.exists = object && table.notReadable.isEmpty();
        if (table.exists) {
            const QString name = quotedIdentifier(table.sqlName);
            if (!query.exec(QStringLiteral("PRAGMA table_xinfo(%1)").arg(name)))
                return failed(QStringLiteral("reading the columns of %1").arg(table.sqlName));
            while (query.next())
                if (query.value(6).toInt() != 1) // 1: hidden column of a virtual table
                    table.columns << query.value(1).toString();
            for (const char *rowid : {"rowid", "_rowid_", "oid"}) {
                const bool taken =
                    std::any_of(table.columns.begin(), table.columns.end(), [&](const QString &c) {
                        return sameSqlName(c.toStdString(), rowid);
                    });
                if (!taken) {
                    table.rowidName = QLatin1String(rowid);
                    break;
                }
            }
            if (table.rowidName.isEmpty()) {
                table.exists = false;
                table.notReadable = QStringLiteral(
                    "a table whose columns named rowid, _rowid_ and oid hide its row id");
            }
        }
        if (table.exists && countRows) {
            // From the smallest full index's page headers when there is one (a few milliseconds
            // per million rows): a migration checks it against the rows it reads from the table.
            if (!query.exec(QStringLiteral("SELECT COUNT(*) FROM %1")
                                .arg(quotedIdentifier(table.sqlName))) ||
                !query.next()) {
                if (query.lastError().nativeErrorCode().toInt() == SQLITE_CORRUPT)
                    return Status::corrupt(
                        damagedTableMessage(m_path, table.sqlName,
                                            QStringLiteral("its rows cannot be counted: %1")
                                                .arg(query.lastError().databaseText())));
                return failed(QStringLiteral("counting the rows of %1").arg(table.sqlName));
            }
            table.rows = query.value(0).toLongLong();
        }
        if (table.exists && countGroups && !definition.groupColumn.empty()) {
            const auto group =
                std::find_if(table.columns.begin(), table.columns.end(), [&](const QString &c) {
                    return sameSqlName(c.toStdString(), definition.groupColumn);
                });
            if (group == table.columns.end()) {
                table.groups = table.rows > 0 ? 1 : 0; // v5: every node in the NULL group
            } else {
                const QString sql =
                    QStringLiteral("SELECT COUNT(DISTINCT %1) + EXISTS(SELECT 1 FROM %2 WHERE "
                                   "%1 IS NULL) FROM %2")
                        .arg(quotedIdentifier(*group), quotedIdentifier(table.sqlName));
                if (!query.exec(sql) || !query.next())
                    return failed(QStringLiteral("counting the groups of %1").arg(table.sqlName));
                table.groups = query.value(0).toLongLong();
            }
        }
        info.tables.push_back(table);
    }
    query.finish();
    return info;
}

namespace {

// Lets `cancelled` interrupt the statements of `handle` while it lives.
class CancelHandler {
public:
    CancelHandler(sqlite3 *handle, const std::function<bool()> &cancelled)
        : m_handle(handle), m_cancelled(cancelled) {
        sqlite3_progress_handler(m_handle, 100000, &CancelHandler::poll, this);
    }
    ~CancelHandler() { sqlite3_progress_handler(m_handle, 0, nullptr, nullptr); }
    bool stopped() const { return m_stopped; }

private:
    static int poll(void *data) {
        auto *self = static_cast<CancelHandler *>(data);
        self->m_stopped = self->m_cancelled && self->m_cancelled();
        return self->m_stopped ? 1 : 0;
    }
    sqlite3 *m_handle;
    const std::function<bool()> &m_cancelled;
    bool m_stopped = false;
};

} // namespace

QString damagedTableMessage(const QString &path, const QString &table, const QString &how) {
    return QStringLiteral("%1: is corrupt: its table %2 is damaged (%3), so its rows cannot all be "
                          "read; repair the database (sqlite3 .recover) and migrate the repaired "
                          "copy")
        .arg(path, table, how);
}

Result<QStringList> SourceDatabase::quickCheckProblems(const QString &argument, const QString &what,
                                                       const std::function<bool()> &cancelled) {
    const CancelHandler handler(m_handle, cancelled);
    const QByteArray sql = QStringLiteral("PRAGMA quick_check%1").arg(argument).toUtf8();
    sqlite3_stmt *statement = nullptr;
    int rc = sqlite3_prepare_v2(m_handle, sql.constData(), static_cast<int>(sql.size()), &statement,
                                nullptr);
    QStringList problems;
    while (rc == SQLITE_OK || rc == SQLITE_ROW) {
        rc = sqlite3_step(statement);
        if (rc != SQLITE_ROW)
            break;
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(statement, 0));
        for (const QString &line : (text ? QString::fromUtf8(text) : QString()).split('\n'))
            if (line != QLatin1String("ok") && !line.startsWith(QLatin1String("***")) &&
                !line.isEmpty() && problems.size() < 3)
                problems << line;
    }
    const QString message = QString::fromUtf8(sqlite3_errmsg(m_handle));
    sqlite3_finalize(statement);
    if (handler.stopped())
        return Status::cancelled(QStringLiteral("cancelled while checking %1").arg(what));
    if (rc != SQLITE_DONE)
        return sqliteError(rc,
                           QStringLiteral("checking the structure of %1: %2").arg(what, message));
    return problems;
}

Status SourceDatabase::quickCheck(const SourceTableInfo &table,
                                  const std::function<bool()> &cancelled) {
    const Result<QStringList> problems = quickCheckProblems(
        QStringLiteral("(%1)").arg(quotedIdentifier(table.sqlName)), table.sqlName, cancelled);
    if (!problems.isOk())
        return problems.status();
    if (!problems->isEmpty())
        return Status::corrupt(damagedTableMessage(
            m_path, table.sqlName,
            QStringLiteral("SQLite's quick_check: %1").arg(problems->join(QStringLiteral("; ")))));
    return Status::ok();
}

Status SourceDatabase::checkRowsRead(const SourceTableInfo &table, qint64 rowsRead,
                                     const std::function<bool()> &cancelled) {
    const qint64 indexed = table.rows;
    if (rowsRead == indexed)
        return Status::ok();
    // Either a page of the table is missed (then the file has a page no b-tree uses, which only a
    // check of the whole file sees) or the index is stale (which quick_check does not mind, and
    // which changes nothing read from the table).
    const Result<QStringList> problems =
        quickCheckProblems(QString(), QStringLiteral("the database"), cancelled);
    if (!problems.isOk())
        return problems.status();
    if (problems->isEmpty())
        return Status::ok();
    return Status::corrupt(damagedTableMessage(
        m_path, table.sqlName,
        QStringLiteral("%1 rows were read from it and its index holds %2; SQLite's quick_check: %3")
            .arg(rowsRead)
            .arg(indexed)
            .arg(problems->join(QStringLiteral("; ")))));
}

} // namespace magellan
