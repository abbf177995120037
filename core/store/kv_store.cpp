#include "store/kv_store.h"

#include "store/kv_store_options.h"

#include <QDir>
#include <QFileInfo>

#include <mutex>
#include <set>

#include <fcntl.h>
#include <unistd.h>

#include <rocksdb/db.h>
#include <rocksdb/options.h>
#include <rocksdb/table.h>
#include <rocksdb/table_properties.h>

namespace magellan {
namespace {

rocksdb::Slice slice(std::string_view text) {
    return {text.data(), text.size()};
}

// Stores this process holds open with their lock (canonical paths): RocksDB refuses a second
// open, and the lock must not be probed, as closing any descriptor of LOCK would release it.
class LockedStores {
public:
    void add(const QString &path) {
        const std::lock_guard lock(m_mutex);
        m_paths.insert(path);
    }
    void remove(const QString &path) {
        const std::lock_guard lock(m_mutex);
        m_paths.erase(path);
    }
    bool contains(const QString &path) const {
        const std::lock_guard lock(m_mutex);
        return m_paths.count(path) > 0;
    }

private:
    mutable std::mutex m_mutex;
    std::set<QString> m_paths;
};

LockedStores &lockedStores() {
    static LockedStores stores;
    return stores;
}

QString canonicalStorePath(const QString &path) {
    const QString canonical = QFileInfo(path).canonicalFilePath();
    return canonical.isEmpty() ? QFileInfo(path).absoluteFilePath() : canonical;
}

// Why opening the store at `path` failed with `status`: Busy when its lock is held (known from
// the lock itself, not from RocksDB's words, which also hold the path), else as storeError().
Status openError(const QString &path, const rocksdb::Status &status) {
    if (status.IsIOError() && !status.IsNoSpace()) {
        if (lockedStores().contains(canonicalStorePath(path)))
            return Status::busy(
                QStringLiteral("%1: the store is already open in this process").arg(path));
        if (const qint64 holder = storeLockHolder(path))
            return Status::busy(
                QStringLiteral("%1: the store is in use by another process (pid %2)")
                    .arg(path)
                    .arg(holder));
    }
    return storeError(path, status, QStringLiteral("opening the store"));
}

} // namespace

Status storeError(const QString &path, const rocksdb::Status &status, const QString &what) {
    const QString detail = QString::fromStdString(status.ToString());
    if (status.IsCorruption())
        return Status::corrupt(QStringLiteral("%1: the store is damaged: %2").arg(path, detail));
    if (status.IsNoSpace())
        return Status::ioError(
            QStringLiteral("%1: no space left on the device while %2: %3").arg(path, what, detail));
    return Status::ioError(QStringLiteral("%1: %2 failed: %3").arg(path, what, detail));
}

rocksdb::Options storeOptions() {
    rocksdb::Options options;
    options.create_if_missing = true;
    options.error_if_exists = true;
    options.info_log_level = rocksdb::InfoLogLevel::WARN_LEVEL;
    options.keep_log_file_num = 1;
    options.write_buffer_size = 64 << 20;
    options.compression = rocksdb::kLZ4Compression; // JSON halves; LZ4 costs little CPU
    rocksdb::BlockBasedTableOptions table;
    // Not the default 4 KB: a quarter of the per-block work of writing (each block sets up LZ4
    // and its buffers anew), for about a millisecond more on a browser page.
    table.block_size = 16 << 10;
    options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
    // A store is written once, by one migration: compacting it while it is written would
    // decompress and compress every value again for nothing (its keys are never overwritten).
    options.disable_auto_compactions = true;
    options.level0_file_num_compaction_trigger = 1 << 20;
    options.level0_slowdown_writes_trigger = 1 << 20;
    options.level0_stop_writes_trigger = 1 << 20;
    return options;
}

qint64 storeLockHolder(const QString &path) {
    if (lockedStores().contains(canonicalStorePath(path)))
        return ::getpid();
    // RocksDB locks LOCK with fcntl; F_GETLK names the holder without taking the lock.
    const QByteArray lockFile = QDir(path).filePath(QStringLiteral("LOCK")).toLocal8Bit();
    const int fd = ::open(lockFile.constData(), O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return 0;
    struct flock lock {};
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    const bool asked = ::fcntl(fd, F_GETLK, &lock) == 0;
    ::close(fd);
    return asked && lock.l_type != F_UNLCK ? lock.l_pid : 0;
}

bool isKvStoreFolder(const QString &path) {
    return QFileInfo(path).isDir() &&
           QFileInfo::exists(QDir(path).filePath(QStringLiteral("CURRENT")));
}

KvStore::KvStore(QString path, rocksdb::DB *db, Mode mode)
    : m_path(std::move(path)),
      m_lockedPath(mode == Mode::ReadOnly ? QString() : canonicalStorePath(m_path)), m_db(db) {}

KvStore::~KvStore() {
    if (m_db)
        m_db->Close();
    if (!m_lockedPath.isEmpty())
        lockedStores().remove(m_lockedPath);
}

Result<std::unique_ptr<KvStore>> KvStore::open(const QString &path, Mode mode) {
    const QFileInfo info(path);
    if (mode != Mode::CreateNew) {
        if (!info.exists())
            return Status::invalidInput(QStringLiteral("%1: no such store").arg(path));
        if (!info.isDir())
            return Status::invalidInput(
                QStringLiteral("%1: is a file, not a store folder").arg(path));
        if (!isKvStoreFolder(path))
            return Status::invalidInput(
                QStringLiteral("%1: is not a RocksDB store (it has no CURRENT file)").arg(path));
    }
    rocksdb::Options options = storeOptions();
    options.create_if_missing = mode == Mode::CreateNew;
    options.error_if_exists = mode == Mode::CreateNew;
    rocksdb::DB *db = nullptr;
    const std::string native = QDir::toNativeSeparators(path).toStdString();
    const rocksdb::Status status = mode == Mode::ReadOnly
                                       ? rocksdb::DB::OpenForReadOnly(options, native, &db)
                                       : rocksdb::DB::Open(options, native, &db);
    if (!status.ok())
        return openError(path, status);
    std::unique_ptr<KvStore> store(new KvStore(path, db, mode));
    if (!store->m_lockedPath.isEmpty())
        lockedStores().add(store->m_lockedPath);
    return store;
}

Status KvStore::putRecord(std::string_view key, std::string_view value) {
    rocksdb::WriteOptions options;
    options.disableWAL = true; // the store is staged: a crash throws it away, so no log is needed
    const rocksdb::Status status = m_db->Put(options, slice(key), slice(value));
    return status.ok() ? Status::ok() : storeError(m_path, status, QStringLiteral("writing"));
}

Status KvStore::flush() {
    rocksdb::FlushOptions options;
    options.wait = true;
    const rocksdb::Status status = m_db->Flush(options);
    return status.ok() ? Status::ok() : storeError(m_path, status, QStringLiteral("flushing"));
}

Status KvStore::ingestTableFiles(const std::vector<std::string> &files) {
    if (files.empty())
        return Status::ok();
    rocksdb::IngestExternalFileOptions options;
    options.move_files = true;          // hard links within the staging folder: no copy
    options.write_global_seqno = false; // kept in the manifest; the files are not rewritten
    const rocksdb::Status status = m_db->IngestExternalFile(files, options);
    return status.ok() ? Status::ok()
                       : storeError(m_path, status, QStringLiteral("adding table files"));
}

Result<std::optional<std::string>> KvStore::get(std::string_view key) const {
    std::string value;
    const rocksdb::Status status = m_db->Get(rocksdb::ReadOptions(), slice(key), &value);
    if (status.IsNotFound())
        return std::optional<std::string>();
    if (!status.ok())
        return storeError(m_path, status, QStringLiteral("reading"));
    return std::optional<std::string>(std::move(value));
}

struct KvStore::Cursor::UpperBound {
    explicit UpperBound(std::string bytes) : key(std::move(bytes)), slice(key) {}
    const std::string key;
    const rocksdb::Slice slice;
};

std::unique_ptr<KvStore::Cursor> KvStore::cursor(std::optional<std::string> upperBound) const {
    rocksdb::ReadOptions options;
    options.fill_cache = false; // a walk reads each block once
    // No fixed readahead: it is a buffer per table file, and a new store has a dozen level-0
    // files; RocksDB's own readahead (up to 256 KB) reads as fast from the page cache.
    std::unique_ptr<Cursor::UpperBound> bound;
    if (upperBound) {
        bound = std::make_unique<Cursor::UpperBound>(std::move(*upperBound));
        options.iterate_upper_bound = &bound->slice;
    }
    auto cursor = std::make_unique<Cursor>(
        m_path, std::unique_ptr<rocksdb::Iterator>(m_db->NewIterator(options)));
    cursor->m_upperBound = std::move(bound);
    return cursor;
}

std::optional<std::string> KvStore::approximateMiddleKey() const {
    constexpr uint64_t smallestSplit = 1 << 20; // bytes; below this one thread reads it all
    constexpr size_t longestKey = 64;
    const std::unique_ptr<rocksdb::Iterator> ends(m_db->NewIterator(rocksdb::ReadOptions()));
    ends->SeekToFirst();
    if (!ends->Valid())
        return std::nullopt;
    const std::string first = ends->key().ToString();
    ends->SeekToLast();
    if (!ends->Valid())
        return std::nullopt;
    const std::string last = ends->key().ToString() + '\0'; // just past the last key
    rocksdb::SizeApproximationOptions approximation;
    approximation.include_memtables = false;
    approximation.include_files = true;
    const auto bytesBefore = [&](const std::string &key) -> uint64_t {
        if (key <= first)
            return 0;
        const rocksdb::Range range(first, key);
        uint64_t size = 0;
        if (!m_db->GetApproximateSizes(approximation, m_db->DefaultColumnFamily(), &range, 1, &size)
                 .ok())
            return 0;
        return size;
    };
    const uint64_t total = bytesBefore(last);
    if (total < smallestSplit)
        return std::nullopt;
    // Byte by byte, the greatest key whose bytes before it are at most half: each next byte by
    // bisection, until the keys between two neighbouring choices hold little.
    std::string middle;
    while (middle.size() < longestKey) {
        int low = 0, high = 255; // bytesBefore(middle + low) <= total / 2 holds for low = 0
        while (low < high) {
            const int probe = (low + high + 1) / 2;
            if (bytesBefore(middle + char(probe)) <= total / 2)
                low = probe;
            else
                high = probe - 1;
        }
        middle += char(low);
        const uint64_t below = bytesBefore(middle);
        const uint64_t above =
            low < 255 ? bytesBefore(middle.substr(0, middle.size() - 1) + char(low + 1)) : total;
        if (above - below < total / 64)
            break;
    }
    if (middle <= first || middle >= last)
        return std::nullopt;
    return middle;
}

Status KvStore::dropOverwrittenVersions() {
    if (Status status = flush(); !status.isOk())
        return status;
    rocksdb::CompactRangeOptions options;
    options.bottommost_level_compaction = rocksdb::BottommostLevelCompaction::kForce;
    const rocksdb::Status status = m_db->CompactRange(options, nullptr, nullptr);
    return status.ok() ? Status::ok()
                       : storeError(m_path, status, QStringLiteral("dropping overwritten values"));
}

Result<qint64> KvStore::storedEntryVersions() const {
    rocksdb::TablePropertiesCollection tables;
    const rocksdb::Status status = m_db->GetPropertiesOfAllTables(&tables);
    if (!status.ok())
        return storeError(m_path, status, QStringLiteral("reading the table files' properties"));
    qint64 entries = 0;
    for (const auto &[file, properties] : tables)
        entries += static_cast<qint64>(properties->num_entries);
    return entries;
}

KvStore::Cursor::Cursor(QString storePath, std::unique_ptr<rocksdb::Iterator> iterator)
    : m_storePath(std::move(storePath)), m_iterator(std::move(iterator)) {}
KvStore::Cursor::~Cursor() = default;
void KvStore::Cursor::seekToFirst() {
    m_iterator->SeekToFirst();
}
void KvStore::Cursor::seek(std::string_view key) {
    m_iterator->Seek(slice(key));
}
void KvStore::Cursor::seekForPrev(std::string_view key) {
    m_iterator->SeekForPrev(slice(key));
}
void KvStore::Cursor::next() {
    m_iterator->Next();
}
void KvStore::Cursor::prev() {
    m_iterator->Prev();
}
bool KvStore::Cursor::isValid() const {
    return m_iterator->Valid();
}
std::string_view KvStore::Cursor::key() const {
    const rocksdb::Slice key = m_iterator->key();
    return {key.data(), key.size()};
}
std::string_view KvStore::Cursor::value() const {
    const rocksdb::Slice value = m_iterator->value();
    return {value.data(), value.size()};
}
Status KvStore::Cursor::status() const {
    const rocksdb::Status status = m_iterator->status();
    return status.ok() ? Status::ok() : storeError(m_storePath, status, QStringLiteral("reading"));
}

} // namespace magellan
