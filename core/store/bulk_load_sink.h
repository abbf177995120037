#pragma once

#include "batch_pipe.h"
#include "status.h"
#include "store/kv_sink.h"

#include <QString>

#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace magellan {

class KvStore;

// Fills a new store through RocksDB's bulk-load path instead of its write path: entries are
// gathered up to a fixed budget, sorted, and written as table files by a second thread while the
// next ones gather; finish() adds every file to the store in one step. No memtable, no flush, no
// compaction: memory is bounded by two budgets plus the largest entry. An entry put twice keeps
// its last value. put() and finish() are called from one thread at a time (the scan's encoder
// thread, then the migration's); the writer thread is its own and joined by finish() or death.
class BulkLoadSink final : public KvSink {
public:
    static constexpr size_t defaultBudgetBytes = 32 << 20;

    // REQUIRES: `store` is new, empty and outlives the sink. Table files are written in `folder`
    // (created; removed again by finish() or when the sink dies).
    BulkLoadSink(KvStore &store, QString folder, size_t budgetBytes = defaultBudgetBytes);
    ~BulkLoadSink() override;
    BulkLoadSink(const BulkLoadSink &) = delete;
    BulkLoadSink &operator=(const BulkLoadSink &) = delete;

    // Gathers one entry; hands a full budget to the writer thread (waits while it is busy).
    Status put(std::string_view key, std::string_view value) override;
    // Writes what is gathered (on the calling thread, while the writer finishes its own), waits
    // for the writer and adds every file to the store. REQUIRES: called once, after the last put().
    Status finish();

    // Table files written so far (all of them, once finish() returned).
    size_t filesWritten() const;

private:
    struct Entry {
        size_t offset = 0; // of the key in the arena; the value follows it
        size_t keySize = 0;
        size_t valueSize = 0;
    };
    struct Gathered {
        size_t number = 0; // files are added in the order of their budgets: the last put wins
        std::string arena;
        std::vector<Entry> entries;

        std::string_view key(const Entry &entry) const {
            return std::string_view(arena).substr(entry.offset, entry.keySize);
        }
        std::string_view value(const Entry &entry) const {
            return std::string_view(arena).substr(entry.offset + entry.keySize, entry.valueSize);
        }
    };
    struct WrittenFile {
        size_t number = 0;
        std::string path;
    };

    Status handOver();
    void writeFiles();
    Status writeFile(Gathered &gathered);
    Status writeLastFiles(Gathered &gathered);
    static void sortEntries(Gathered &gathered);
    Status writeEntries(const Gathered &gathered, size_t begin, size_t end, size_t fileNumber);
    Status writerStatus() const;

    KvStore &m_store;
    const QString m_folder;
    const size_t m_budget;
    Status m_folderStatus;
    BatchPipe<Gathered> m_pipe;
    std::unique_ptr<Gathered> m_filling;
    size_t m_budgetsGathered = 0;

    mutable std::mutex m_mutex; // guards the writer thread's results below
    Status m_writerStatus;
    std::vector<WrittenFile> m_files; // in the order they were written

    PipeConsumerThread<Gathered> m_writer; // last: joined before the members above go
};

} // namespace magellan
