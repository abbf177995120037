#include "store_contents.h"

#include "canonical_json.h"

#include <algorithm>

namespace magellan {
namespace {

constexpr int strayExampleLimit = 10;

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

} // namespace

Result<StoreContents> readStoreContents(const KvStore &store, KeyLayout layout,
                                        const std::vector<SourceTable> &tables,
                                        const std::map<SourceTable, qint64> &expectedRecords,
                                        ProgressObserver *observer) {
    StoreContents contents;
    for (const SourceTable table : tables)
        contents.tables[table] = {};
    const std::vector<PrefixRoute> routes = routesFor(layout, tables);
    std::map<SourceTable, qint64> reported;
    const auto total = [&](SourceTable table) {
        const auto it = expectedRecords.find(table);
        return it == expectedRecords.end() ? 0 : it->second;
    };
    const auto report = [&](SourceTable table, bool force) {
        const StoreTableContents &counts = contents.tables[table];
        const qint64 done = counts.records + counts.rejected;
        if (observer && (force || done - reported[table] >= 4096)) {
            reported[table] = done;
            observer->tableProgress(MigrationPhase::Verifying, table, done,
                                    std::max(total(table), done));
        }
    };
    if (observer)
        for (const SourceTable table : tables)
            observer->tableProgress(MigrationPhase::Verifying, table, 0, total(table));

    std::string key;
    const auto cursor = store.cursor();
    for (cursor->seekToFirst(); cursor->isValid(); cursor->next()) {
        key.assign(cursor->key());
        if (key == kvkey::migrationRecord) {
            contents.migrationRecord = std::string(cursor->value());
            continue;
        }
        const auto route = std::find_if(routes.begin(), routes.end(), [&](const PrefixRoute &r) {
            return key.starts_with(r.prefix);
        });
        if (route == routes.end()) {
            if (contents.strayExamples.size() < strayExampleLimit)
                contents.strayExamples << QString::fromUtf8(key.data(), key.size());
            ++contents.strayKeys;
            continue;
        }
        StoreTableContents &counts = contents.tables[route->table];
        const bool grouped = !tableDefinition(route->table).groupColumn.empty();
        const ElementLayout elementLayout = route->reject ? ElementLayout::RowField
                                            : grouped     ? ElementLayout::ArrayElements
                                                          : ElementLayout::WholeValue;
        qint64 rows = 0;
        const bool decoded =
            forEachCanonicalElement(cursor->value(), elementLayout, [&](std::string_view row) {
                counts.checksum.add(key, row);
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
        report(route->table, false);
        if (observer && observer->isCancelRequested())
            return Status::cancelled(QStringLiteral("cancelled while reading the store back"));
    }
    if (Status status = cursor->status(); !status.isOk())
        return Status::ioError(store.path() + QStringLiteral(": ") + status.message());
    for (const SourceTable table : tables)
        report(table, true);
    return contents;
}

} // namespace magellan
