#pragma once

#include "format/source_tables.h"
#include "status.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

struct sqlite3;

namespace magellan {

struct SourceTableInfo {
    SourceTable table;
    bool exists = false; // an ordinary table with a rowid, which a run can read
    QString notReadable; // when its name is taken by something else: what that is ("a view")
    QString sqlName;     // the name as the schema spells it (AST_NODES for ast_nodes)
    QString rowidName;   // rowid, _rowid_ or oid: the first that no column takes
    QStringList columns; // real columns, generated ones too, in table order (table_xinfo)
    // Whether the schema has something of this name, readable or not.
    bool named() const { return exists || !notReadable.isEmpty(); }
    qint64 rows = 0;
    qint64 groups = -1; // distinct group ids, NULL counted as one; -1 when not counted
};

struct SourceInfo {
    QString path;
    qint64 sizeBytes = 0;
    QDateTime modified;
    int schemaVersion = -1; // magellan_meta.magellan_schema_version; -1 when absent
    QString journalMode;
    std::vector<SourceTableInfo> tables; // one per SourceTable, in enum order

    const SourceTableInfo &table(SourceTable table) const {
        return tables[static_cast<size_t>(table)];
    }
    // Whether any of code_chunks, ast_nodes, cfg_blocks is there, readable or not.
    bool hasAnySideTable() const;
};

// A magellan SQLite database opened read-only, inside one read transaction: everything read
// through it comes from one snapshot, including committed rows still in the -wal file.
// Not thread-safe: use it on the thread that opened it.
class SourceDatabase {
public:
    // Checks that `path` is a readable, whole SQLite file and opens it read-only; waits up to
    // `lockTimeoutMs` for a writer's lock. Never writes to the file.
    static Result<std::unique_ptr<SourceDatabase>> open(const QString &path, int lockTimeoutMs);
    ~SourceDatabase();
    SourceDatabase(const SourceDatabase &) = delete;
    SourceDatabase &operator=(const SourceDatabase &) = delete;

    // Reads schema version, tables, real columns and row counts from the snapshot (counted from an
    // index when the table has one: see checkRowsRead); counts distinct groups of ast_nodes and
    // cfg_blocks when `countGroups` (a full index scan: for people to read, never for the store).
    Result<SourceInfo> inspect(bool countGroups);
    // Only which tables exist and their real columns: no counting, for quick lookups.
    Result<SourceInfo> inspectColumns();

    // The raw handle under the Qt connection, for the hot scan. Lives as long as this object.
    sqlite3 *handle() const { return m_handle; }
    const QString &path() const { return m_path; }

    // "{path}: {what}" for a failed SQLite call, with a status code that matches its cause.
    Status sqliteError(int resultCode, const QString &what) const;

    // Corrupt, naming the table, when SQLite's quick_check finds the table or its indexes
    // damaged. Reads and checks every page of them: slow for a table with many indexes.
    Status quickCheck(const SourceTableInfo &table, const std::function<bool()> &cancelled);
    // Corrupt, naming the table, when the `rowsRead` from the table itself differ from
    // table.rows (counted from its smallest full index) because the file is damaged: a page of
    // the table missed leaves a page no b-tree uses, which SQLite's quick_check of the whole file
    // finds. A stale index alone is not damage (the rows come from the table). The whole-file check
    // runs only when the counts differ.
    Status checkRowsRead(const SourceTableInfo &table, qint64 rowsRead,
                         const std::function<bool()> &cancelled);

private:
    SourceDatabase(QString path, QString connectionName);
    Result<SourceInfo> readSchema(bool countRows, bool countGroups);
    Status beginSnapshot();

    Result<QStringList> quickCheckProblems(const QString &argument, const QString &what,
                                           const std::function<bool()> &cancelled);
    void removeSidecarsThisRunCreated();

    QString m_path;
    QString m_connectionName;
    sqlite3 *m_handle = nullptr;
    int m_lockTimeoutMs = 0;
    QString m_realPath;            // links resolved: where SQLite puts -wal, -shm and -journal
    QStringList m_sidecarsCreated; // -wal and -shm files absent before the open
};

// "{path}: is corrupt: its table {table} is damaged ({how}) …": what a damaged side table says.
QString damagedTableMessage(const QString &path, const QString &table, const QString &how);

// Checks the file itself before SQLite sees it: exists, is a file, is not empty, has a SQLite
// header (or says it is a magellan Native V2 file), is whole.
Status checkSourceFile(const QString &path);

} // namespace magellan
