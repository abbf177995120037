#pragma once

#include "status.h"

#include <QString>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rocksdb {
class DB;
class Iterator;
} // namespace rocksdb

namespace magellan {

// A RocksDB store on disk. A migration fills a new store through BulkLoadSink (table files
// written beside it, then ingested in one step), adds its one record with putRecord() and
// flush(), and publishes it through StagedDestination; every other user only reads it. Nothing
// is written with a write-ahead log: a store being written is trusted only once flushed.
// Opened on one thread; get() and cursors may be used from several at once (RocksDB's reads are
// thread-safe), the writes from one.
class KvStore final {
public:
    enum class Mode {
        CreateNew, // an empty store in a folder that is absent or empty
        ReadWrite, // an existing store; takes its lock
        ReadOnly,  // an existing store; takes no lock, sees what was flushed when it opened
    };

    // Opens the store at `path`. Errors name the folder: not a store, in use, damaged.
    static Result<std::unique_ptr<KvStore>> open(const QString &path, Mode mode);
    ~KvStore();
    KvStore(const KvStore &) = delete;
    KvStore &operator=(const KvStore &) = delete;

    // Writes one entry at once (the migration record, after the bulk load); seen by readers after
    // flush(). A key written again keeps its last value.
    Status putRecord(std::string_view key, std::string_view value);
    // Writes the memtable to a table file on disk.
    Status flush();
    // Moves finished table files (sorted, written with the store's options) into the store in one
    // step; they may overlap each other but not keys already stored. The files are gone after.
    Status ingestTableFiles(const std::vector<std::string> &files);
    // The value under `key`, nullopt when there is none.
    Result<std::optional<std::string>> get(std::string_view key) const;

    // Walks keys in order, either way. Lives no longer than the store.
    class Cursor {
    public:
        // `storePath` names the store in the errors of status().
        Cursor(QString storePath, std::unique_ptr<rocksdb::Iterator> iterator);
        ~Cursor();
        void seekToFirst();
        // To the first key >= `key`; invalid when there is none.
        void seek(std::string_view key);
        // To the last key <= `key`; invalid when there is none.
        void seekForPrev(std::string_view key);
        void next(); // REQUIRES: isValid()
        // To the key before this one; invalid when this was the first. REQUIRES: isValid()
        void prev();
        bool isValid() const;
        std::string_view key() const;   // REQUIRES: isValid()
        std::string_view value() const; // REQUIRES: isValid()
        Status status() const;          // errors name the store

    private:
        friend class KvStore;
        struct UpperBound;
        QString m_storePath;
        std::unique_ptr<UpperBound> m_upperBound; // read by the iterator, which it outlives
        std::unique_ptr<rocksdb::Iterator> m_iterator;
    };
    // A cursor over every key, or over the keys before `upperBound`.
    std::unique_ptr<Cursor> cursor(std::optional<std::string> upperBound = std::nullopt) const;

    // A key that divides the store's table files about in half by bytes, found from their
    // indexes without reading values: where to split a walk over two threads. Nullopt for a
    // store too small to be worth it.
    std::optional<std::string> approximateMiddleKey() const;

    // Rewrites the store's table files so that a key put more than once keeps only its last
    // value: no dead version is left inside a published store. Costs a rewrite of every file.
    Status dropOverwrittenVersions();
    // Entries in the store's table files, dead versions included (for tests and checks).
    Result<qint64> storedEntryVersions() const;

    const QString &path() const { return m_path; }

private:
    KvStore(QString path, rocksdb::DB *db, Mode mode);

    QString m_path;
    QString m_lockedPath; // canonical, while this object holds the store's lock; else empty
    std::unique_ptr<rocksdb::DB> m_db;
};

// The pid of the process that holds the store at `path` open for writing (this one's when it
// does, found without touching the lock), or 0.
qint64 storeLockHolder(const QString &path);

// True when `path` is a folder that holds a RocksDB store (it has a CURRENT file).
bool isKvStoreFolder(const QString &path);

} // namespace magellan
