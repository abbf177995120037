#include "migrate/store_contents.h"

#include "format/canonical_json.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <future>
#include <optional>

namespace magellan {
namespace {

constexpr int strayExampleLimit = 10;
constexpr qint64 progressEntries = 64; // entries between publishing progress (groups are large)
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
        routes.push_back({std::string(kvkey::prefix(table, layout)), table, false});
        routes.push_back({kvkey::rejectTablePrefix(tableDefinition(table).name), table, true});
    }
    std::sort(routes.begin(), routes.end(),
              [](const auto &a, const auto &b) { return a.prefix.size() > b.prefix.size(); });
    return routes;
}

// Counts and checksums entries as the contract defines; one per thread, summed at the end.
class EntryTally {
public:
    EntryTally(const std::vector<PrefixRoute> &routes, const std::vector<SourceTable> &tables,
               std::map<SourceTable, std::atomic<qint64>> &done)
        : m_routes(routes), m_done(done) {
        for (const SourceTable table : tables)
            m_contents.tables[table] = {};
    }

    // Makes the records and rejects tallied so far visible to the thread that reports progress.
    void publishProgress() {
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

private:
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

    // With `parallel`, a second thread walks the keys before the store's middle while this one
    // walks the rest: each reads, decompresses and tallies its own half, nothing is copied.
    const std::optional<std::string> middle =
        parallel ? store.approximateMiddleKey() : std::nullopt;
    std::atomic<bool> stopped = false;
    const auto walk = [&](KvStore::Cursor &cursor, EntryTally &tally, bool reports) {
        qint64 sincePublished = 0;
        for (; cursor.isValid() && !stopped; cursor.next()) {
            tally.add(cursor.key(), cursor.value());
            if (++sincePublished < progressEntries)
                continue;
            sincePublished = 0;
            tally.publishProgress();
            if (reports) {
                report(false);
                if (observer && observer->isCancelRequested())
                    stopped = true;
            }
        }
        tally.publishProgress();
        Status status = cursor.status();
        if (!status.isOk())
            stopped = true; // the other half no longer matters
        return status;
    };
    EntryTally ownTally(routes, tables, done);
    EntryTally helperTally(routes, tables, done);
    std::future<Status> helper;
    if (middle)
        helper = std::async(std::launch::async, [&] {
            const auto cursor = store.cursor(*middle);
            cursor->seekToFirst();
            return walk(*cursor, helperTally, false);
        });
    const auto cursor = store.cursor();
    if (middle)
        cursor->seek(*middle);
    else
        cursor->seekToFirst();
    Status status = walk(*cursor, ownTally, true);
    if (helper.valid()) {
        while (helper.wait_for(std::chrono::milliseconds(20)) != std::future_status::ready) {
            report(false);
            if (observer && observer->isCancelRequested())
                stopped = true;
        }
        if (Status helperStatus = helper.get(); status.isOk())
            status = helperStatus;
    }
    if (!status.isOk()) // its message names the store
        return Status::ioError(status.message());
    if (stopped) // and no error: a cancel
        return Status::cancelled(QStringLiteral("cancelled while reading the store back"));
    ownTally.merge(helperTally);
    report(true);
    return ownTally.takeContents();
}

} // namespace magellan
