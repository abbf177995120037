#include "store/bulk_load_sink.h"

#include "store/kv_store.h"
#include "store/kv_store_options.h"

#include <QDir>
#include <QFileInfo>

#include <rocksdb/env.h>
#include <rocksdb/sst_file_writer.h>

#include <algorithm>
#include <future>

namespace magellan {
namespace {

rocksdb::Slice slice(std::string_view bytes) {
    return {bytes.data(), bytes.size()};
}

} // namespace

BulkLoadSink::BulkLoadSink(KvStore &store, QString folder, size_t budgetBytes)
    : m_store(store), m_folder(std::move(folder)), m_budget(std::max<size_t>(budgetBytes, 1)),
      m_pipe(2), // one budget gathering, one being written
      m_writer(m_pipe, [this] { writeFiles(); }) {
    if (!QDir().mkpath(m_folder))
        m_folderStatus = Status::ioError(
            QStringLiteral("%1: cannot create the folder for table files").arg(m_folder));
}

BulkLoadSink::~BulkLoadSink() {
    m_writer.stop(false);
    QDir(m_folder).removeRecursively(); // files not added to the store, if any
}

Status BulkLoadSink::put(std::string_view key, std::string_view value) {
    if (!m_folderStatus.isOk())
        return m_folderStatus;
    const size_t size = key.size() + value.size();
    if (m_filling && !m_filling->entries.empty() && m_filling->arena.size() + size > m_budget)
        if (Status status = handOver(); !status.isOk())
            return status;
    if (!m_filling) {
        m_filling = m_pipe.emptyBatch();
        if (!m_filling)
            return writerStatus();
        m_filling->number = ++m_budgetsGathered;
        m_filling->arena.reserve(std::max(m_budget, size));
    }
    Gathered &gathered = *m_filling;
    gathered.entries.push_back({gathered.arena.size(), key.size(), value.size()});
    gathered.arena.append(key);
    gathered.arena.append(value);
    return Status::ok();
}

Status BulkLoadSink::handOver() {
    if (!m_pipe.push(std::move(m_filling)))
        return writerStatus();
    return Status::ok();
}

Status BulkLoadSink::finish() {
    if (!m_folderStatus.isOk())
        return m_folderStatus;
    // The last budget is written here while the writer thread may still write the one before.
    Status lastFile;
    if (m_filling && !m_filling->entries.empty())
        lastFile = writeLastFiles(*m_filling);
    m_filling.reset();
    m_writer.stop(true);
    std::vector<WrittenFile> written;
    {
        std::lock_guard lock(m_mutex);
        if (!m_writerStatus.isOk())
            return m_writerStatus;
        written = m_files;
    }
    if (!lastFile.isOk())
        return lastFile;
    std::sort(written.begin(), written.end(),
              [](const WrittenFile &a, const WrittenFile &b) { return a.number < b.number; });
    std::vector<std::string> files;
    for (WrittenFile &file : written)
        files.push_back(std::move(file.path));
    if (Status status = m_store.ingestTableFiles(files); !status.isOk())
        return status;
    QDir(m_folder).removeRecursively();
    return Status::ok();
}

size_t BulkLoadSink::filesWritten() const {
    std::lock_guard lock(m_mutex);
    return m_files.size();
}

Status BulkLoadSink::writerStatus() const {
    std::lock_guard lock(m_mutex);
    return m_writerStatus.isOk()
               ? Status::internal(QStringLiteral("%1: the table file writer stopped").arg(m_folder))
               : m_writerStatus;
}

void BulkLoadSink::writeFiles() {
    while (std::unique_ptr<Gathered> gathered = m_pipe.pop()) {
        const Status status = writeFile(*gathered);
        gathered->entries.clear();
        gathered->arena.clear();
        if (gathered->arena.capacity() > m_budget) // held one oversized entry: give it back
            std::string().swap(gathered->arena);
        m_pipe.recycle(std::move(gathered));
        if (!status.isOk()) {
            {
                std::lock_guard lock(m_mutex);
                m_writerStatus = status;
            }
            m_pipe.close();
            return;
        }
    }
}

void BulkLoadSink::sortEntries(Gathered &gathered) {
    // Stable: of equal keys the last put stays last, and is the one written.
    std::stable_sort(
        gathered.entries.begin(), gathered.entries.end(),
        [&](const Entry &a, const Entry &b) { return gathered.key(a) < gathered.key(b); });
}

Status BulkLoadSink::writeFile(Gathered &gathered) {
    sortEntries(gathered);
    return writeEntries(gathered, 0, gathered.entries.size(), 2 * gathered.number);
}

// The last budget is the tail of the load, with nothing left to overlap it: a large one is
// written as two files, on this thread and a second one.
Status BulkLoadSink::writeLastFiles(Gathered &gathered) {
    sortEntries(gathered);
    const std::vector<Entry> &entries = gathered.entries;
    size_t split = entries.size();
    if (gathered.arena.size() >= m_budget / 4) {
        size_t bytes = 0;
        split = 0;
        while (split < entries.size() && bytes < gathered.arena.size() / 2) {
            bytes += entries[split].keySize + entries[split].valueSize;
            ++split;
        }
        while (split > 0 && split < entries.size() &&
               gathered.key(entries[split - 1]) == gathered.key(entries[split]))
            ++split; // a key's puts stay in one file
    }
    if (split == 0 || split == entries.size())
        return writeEntries(gathered, 0, entries.size(), 2 * gathered.number);
    std::future<Status> upper = std::async(std::launch::async, [&] {
        return writeEntries(gathered, split, entries.size(), 2 * gathered.number + 1);
    });
    const Status lower = writeEntries(gathered, 0, split, 2 * gathered.number);
    const Status upperStatus = upper.get();
    return lower.isOk() ? upperStatus : lower;
}

Status BulkLoadSink::writeEntries(const Gathered &gathered, size_t begin, size_t end,
                                  size_t fileNumber) {
    // Named after the budget: bulk-000007.sst, and bulk-000007b.sst for a last budget's upper half.
    const QString path =
        QDir(m_folder).filePath(QStringLiteral("bulk-%1%2.sst")
                                    .arg(fileNumber / 2, 6, 10, QLatin1Char('0'))
                                    .arg(fileNumber % 2 ? QStringLiteral("b") : QString()));
    const std::string nativePath = QDir::toNativeSeparators(path).toStdString();
    // The page cache keeps the file: the read-back that follows reads it from memory.
    rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), storeOptions(), nullptr,
                                  /*invalidate_page_cache=*/false);
    rocksdb::Status status = writer.Open(nativePath);
    const std::vector<Entry> &entries = gathered.entries;
    for (size_t i = begin; status.ok() && i < end; ++i) {
        const std::string_view key = gathered.key(entries[i]);
        if (i + 1 < end && key == gathered.key(entries[i + 1]))
            continue; // overwritten by a later put
        status = writer.Put(slice(key), slice(gathered.value(entries[i])));
    }
    if (status.ok())
        status = writer.Finish();
    if (!status.ok())
        return storeError(m_store.path(), status,
                          QStringLiteral("writing table file %1").arg(QFileInfo(path).fileName()));
    std::lock_guard lock(m_mutex);
    m_files.push_back({fileNumber, nativePath});
    return Status::ok();
}

} // namespace magellan
