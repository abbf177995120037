#include "store_contents.h"

#include "batch_pipe.h"
#include "canonical_json.h"

#include <algorithm>
#include <atomic>
#include <optional>

namespace magellan {
namespace {

constexpr int strayExampleLimit = 10;
constexpr size_t batchEntries = 512;   // entries handed over at once
constexpr size_t batchBytes = 1 << 20; // or fewer, once their bytes are this big
constexpr size_t batchesInFlight = 6;  // bounds the memory of the read-back
constexpr qint64 progressInterval = 4096;

struct PrefixRoute {
    std::string prefix;
    SourceTable table;
    bool reject;
};

// The routes of the tables read, longest prefix first, so "metrics:file:" wins over any shorter.
std::vector<PrefixRoute> routesFor(KeyLayout layout, const std::vector<SourceTable> &tables) {
    std::vector<PrefixRoute> routes;
    for (const SourceTable table : tables) {
        routes.push_back({keyPrefix(table, layout), table, false});
        routes.push_back({kvkey::rejectTablePrefix(tableDefinition(table).name), table, true});
    }
    std::sort(routes.begin(), routes.end(),
              [](const auto &a, const auto &b) { return a.prefix.size() > b.prefix.size(); });
    return routes;
}

// Entries copied out of the store, in key order.
struct EntryBatch {
    struct Entry {
        size_t keyOffset, keySize, valueOffset, valueSize;
    };
    std::string bytes;
    std::vector<Entry> entries;

    void clear() {
        if (bytes.capacity() > 2 * batchBytes) // held one huge value: do not keep its memory
            std::string().swap(bytes);
        bytes.clear();
        entries.clear();
    }
    void add(std::string_view key, std::string_view value) {
        entries.push_back({bytes.size(), key.size(), bytes.size() + key.size(), value.size()});
        bytes.append(key);
        bytes.append(value);
    }
    bool isFull() const { return entries.size() >= batchEntries || bytes.size() >= batchBytes; }
    std::string_view key(const Entry &entry) const {
        return std::string_view(bytes).substr(entry.keyOffset, entry.keySize);
    }
    std::string_view value(const Entry &entry) const {
        return std::string_view(bytes).substr(entry.valueOffset, entry.valueSize);
    }
};

// Counts and checksums entries as the contract defines; one per thread, summed at the end.
class EntryTally {
public:
    EntryTally(const std::vector<PrefixRoute> &routes, const std::vector<SourceTable> &tables,
               std::map<SourceTable, std::atomic<qint64>> &done)
        : m_routes(routes), m_done(done) {
        for (const SourceTable table : tables)
            m_contents.tables[table] = {};
    }

    void add(const EntryBatch &batch) {
        for (const EntryBatch::Entry &entry : batch.entries)
            add(batch.key(entry), batch.value(entry));
        for (auto &[table, counts] : m_contents.tables) {
            const qint64 done = counts.records + counts.rejected;
            m_done.at(table) += done - m_reported[table];
            m_reported[table] = done;
        }
    }

    // Adds `other`'s counts to this one's; stray examples stay the first few in key order.
    void merge(const EntryTally &other) {
        for (auto &[table, counts] : m_contents.tables) {
            const StoreTableContents &theirs = other.m_contents.tables.at(table);
            counts.keys += theirs.keys;
            counts.records += theirs.records;
            counts.rejected += theirs.rejected;
            counts.undecodable += theirs.undecodable;
            counts.checksum.merge(theirs.checksum);
        }
        m_contents.strayKeys += other.m_contents.strayKeys;
        m_strayExamples.insert(m_strayExamples.end(), other.m_strayExamples.begin(),
                               other.m_strayExamples.end());
        if (other.m_contents.migrationRecord)
            m_contents.migrationRecord = other.m_contents.migrationRecord;
    }

    StoreContents takeContents() {
        std::sort(m_strayExamples.begin(), m_strayExamples.end());
        for (size_t i = 0; i < m_strayExamples.size() && i < strayExampleLimit; ++i)
            m_contents.strayExamples << QString::fromStdString(m_strayExamples[i]);
        return std::move(m_contents);
    }

private:
    void add(std::string_view key, std::string_view value) {
        if (key == kvkey::migrationRecord) {
            m_contents.migrationRecord = std::string(value);
            return;
        }
        const auto route = std::find_if(m_routes.begin(), m_routes.end(),
                                        [&](const auto &r) { return key.starts_with(r.prefix); });
        if (route == m_routes.end()) {
            if (m_strayExamples.size() < strayExampleLimit)
                m_strayExamples.emplace_back(key);
            ++m_contents.strayKeys;
            return;
        }
        StoreTableContents &counts = m_contents.tables[route->table];
        const bool grouped = !tableDefinition(route->table).groupColumn.empty();
        const ElementLayout elementLayout = route->reject ? ElementLayout::RowField
                                            : grouped     ? ElementLayout::ArrayElements
                                                          : ElementLayout::WholeValue;
        qint64 rows = 0;
        counts.checksum.setKey(key);
        const bool decoded =
            forEachCanonicalElement(value, elementLayout, [&](std::string_view row) {
                counts.checksum.add(row);
                ++rows;
            });
        if (!decoded)
            ++counts.undecodable;
        if (route->reject) {
            ++counts.rejected;
        } else {
            ++counts.keys;
            counts.records += grouped ? rows : 1;
        }
    }

    const std::vector<PrefixRoute> &m_routes;
    std::map<SourceTable, std::atomic<qint64>> &m_done;
    std::map<SourceTable, qint64> m_reported;
    StoreContents m_contents;
    std::vector<std::string> m_strayExamples; // keys as bytes; sorted when taken
};

} // namespace

Result<StoreContents> readStoreContents(const KvStore &store, KeyLayout layout,
                                        const std::vector<SourceTable> &tables,
                                        const std::map<SourceTable, qint64> &expectedRecords,
                                        ProgressObserver *observer, bool parallel) {
    const std::vector<PrefixRoute> routes = routesFor(layout, tables);
    // Records and rejects tallied, per table; the map is complete before a second thread runs.
    std::map<SourceTable, std::atomic<qint64>> done;
    std::map<SourceTable, qint64> reported;
    for (const SourceTable table : tables) {
        done[table] = 0;
        reported[table] = 0;
    }
    const auto total = [&](SourceTable table) {
        const auto it = expectedRecords.find(table);
        return it == expectedRecords.end() ? 0 : it->second;
    };
    const auto report = [&](bool force) {
        if (!observer)
            return;
        for (const SourceTable table : tables) {
            const qint64 now = done.at(table);
            if (force || now - reported[table] >= progressInterval) {
                reported[table] = now;
                observer->tableProgress(MigrationPhase::Verifying, table, now,
                                        std::max(total(table), now));
            }
        }
    };
    report(true);

    // The calling thread reads the store in order and tallies a batch itself whenever the
    // helper falls behind; the helper tallies whatever is queued.
    EntryTally ownTally(routes, tables, done);
    EntryTally helperTally(routes, tables, done);
    BatchPipe<EntryBatch> pipe(batchesInFlight);
    std::optional<PipeConsumerThread<EntryBatch>> helper;
    if (parallel)
        helper.emplace(pipe, [&] {
            while (std::unique_ptr<EntryBatch> batch = pipe.pop()) {
                helperTally.add(*batch);
                pipe.recycle(std::move(batch));
            }
        });
    const auto dispatch = [&](std::unique_ptr<EntryBatch> batch) {
        if (!parallel) {
            ownTally.add(*batch);
            pipe.recycle(std::move(batch));
            return;
        }
        pipe.push(std::move(batch));
        if (pipe.queuedCount() > 1)
            if (std::unique_ptr<EntryBatch> own = pipe.tryPop()) {
                ownTally.add(*own);
                pipe.recycle(std::move(own));
            }
    };

    const auto cursor = store.cursor();
    std::unique_ptr<EntryBatch> batch = pipe.emptyBatch();
    batch->clear();
    for (cursor->seekToFirst(); cursor->isValid(); cursor->next()) {
        batch->add(cursor->key(), cursor->value());
        if (!batch->isFull())
            continue;
        dispatch(std::move(batch));
        report(false);
        if (observer && observer->isCancelRequested()) // leaving stops and joins the helper
            return Status::cancelled(QStringLiteral("cancelled while reading the store back"));
        batch = pipe.emptyBatch();
        batch->clear();
    }
    dispatch(std::move(batch));
    if (helper)
        helper->stop(true); // after what is queued
    if (Status status = cursor->status(); !status.isOk())
        return Status::ioError(store.path() + QStringLiteral(": ") + status.message());
    ownTally.merge(helperTally);
    report(true);
    return ownTally.takeContents();
}

} // namespace magellan
