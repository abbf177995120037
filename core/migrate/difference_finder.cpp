#include "migrate/difference_finder.h"

#include "format/canonical_json.h"
#include "format/row_checksum.h"
#include "migrate/table_scanner.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace magellan {
namespace {

// What one entry of the per-key map costs beyond its key's bytes (node, string, sum, bucket).
constexpr size_t keyEntryOverhead = 96;
// What a row's rowid costs while the rows of differing keys are read again.
constexpr size_t rowidBytes = 16;

// A share of a table's keys: those whose hash starts with `depth` bits equal to `bits`. Split in
// two when it holds more than the budget allows.
struct Partition {
    int depth = 0;
    std::uint64_t bits = 0;
    bool holds(std::string_view key) const {
        return depth == 0 || (std::hash<std::string_view>{}(key) >> (64 - depth)) == bits;
    }
};

// How the rows of a table's keys sit in their values.
class TableKeys {
public:
    TableKeys(SourceTable table, KeyLayout layout)
        : m_layout(layout), m_grouped(!tableDefinition(table).groupColumn.empty()),
          m_prefix(kvkey::prefix(table, layout)),
          m_rejectPrefix(kvkey::rejectTablePrefix(tableDefinition(table).name)) {}

    std::vector<std::string_view> prefixes() const { return {m_prefix, m_rejectPrefix}; }
    bool isReject(std::string_view key) const { return key.starts_with(m_rejectPrefix); }
    ElementLayout elementsOf(std::string_view key) const {
        return isReject(key) ? ElementLayout::RowField
               : m_grouped   ? ElementLayout::ArrayElements
                             : ElementLayout::WholeValue;
    }
    // The rowid a reject key names.
    std::optional<qint64> rejectRowid(std::string_view key) const {
        const std::optional<kvkey::KeyOrigin> origin = kvkey::parseKey(key, m_layout);
        if (origin && origin->kind == kvkey::KeyOrigin::Kind::Reject)
            return origin->rowid;
        return std::nullopt;
    }

private:
    KeyLayout m_layout;
    bool m_grouped;
    std::string m_prefix;
    std::string m_rejectPrefix;
};

// A key's rows, summed as the table's checksum sums them.
struct KeySum {
    RowChecksum::Sum sum;
    bool decoded = true;
    size_t valueBytes = 0;
    bool operator==(const KeySum &o) const {
        return sum.rows == o.sum.rows && sum.low == o.sum.low && sum.high == o.sum.high &&
               decoded == o.decoded;
    }
};

KeySum sumOf(std::string_view key, std::string_view value, ElementLayout elements) {
    RowChecksum checksum;
    checksum.setKey(key);
    KeySum sum;
    sum.decoded =
        forEachCanonicalElement(value, elements, [&](std::string_view row) { checksum.add(row); });
    sum.sum = checksum.sum();
    sum.valueBytes = value.size();
    return sum;
}

std::vector<std::string> canonicalElements(std::string_view value, ElementLayout elements,
                                           bool *decoded = nullptr) {
    std::vector<std::string> rows;
    const bool ok = forEachCanonicalElement(value, elements,
                                            [&](std::string_view row) { rows.emplace_back(row); });
    if (decoded)
        *decoded = ok;
    return rows;
}

// The source side of a partition: the sum of every key in it, as the scan would write it.
class PartitionSums final : public KvSink {
public:
    PartitionSums(const TableKeys &keys, Partition partition, size_t budget)
        : m_keys(keys), m_partition(partition), m_budget(budget) {}

    Status put(std::string_view key, std::string_view value) override {
        if (!m_partition.holds(key))
            return Status::ok();
        const auto [entry, added] = m_sums.insert_or_assign(
            std::string(key), sumOf(key, value, m_keys.elementsOf(key))); // a key put again
        if (added)
            m_bytes += key.size() + keyEntryOverhead;
        if (m_bytes > m_budget) {
            m_overflowed = true;
            return Status::cancelled(QStringLiteral("the partition is larger than its budget"));
        }
        return Status::ok();
    }

    bool overflowed() const { return m_overflowed; }
    size_t bytes() const { return m_bytes; }
    std::unordered_map<std::string, KeySum> &sums() { return m_sums; }

private:
    const TableKeys &m_keys;
    Partition m_partition;
    size_t m_budget;
    size_t m_bytes = 0;
    bool m_overflowed = false;
    std::unordered_map<std::string, KeySum> m_sums;
};

// A key whose sums differ, or that one side lacks.
struct KeyDifference {
    std::string key;
    DifferenceKind kind;
    KeySum source; // MissingInStore, Changed
    KeySum store;  // ExtraInStore, Changed
    bool operator<(const KeyDifference &o) const { return key < o.key; }
};

// The rows of some keys as the scan writes them, with the rowid of each carried row.
class KeyRows final : public KvSink, public RowTrace {
public:
    explicit KeyRows(std::set<std::string, std::less<>> wanted) : m_wanted(std::move(wanted)) {}

    Status put(std::string_view key, std::string_view value) override {
        if (m_wanted.contains(key))
            m_values.insert_or_assign(std::string(key), std::string(value));
        return Status::ok();
    }
    void rowCarried(std::string_view key, qint64 rowid) override {
        if (!m_lastRowids || key != m_lastKey) { // a group's rows come one after another
            m_lastKey.assign(key);
            m_lastRowids = m_wanted.contains(key) ? &m_rowids[m_lastKey] : nullptr;
            if (!m_lastRowids)
                return;
        }
        m_lastRowids->push_back(rowid);
    }

    const std::string *value(const std::string &key) const {
        const auto it = m_values.find(key);
        return it == m_values.end() ? nullptr : &it->second;
    }
    const std::vector<qint64> *rowids(const std::string &key) const {
        const auto it = m_rowids.find(key);
        return it == m_rowids.end() ? nullptr : &it->second;
    }

private:
    std::set<std::string, std::less<>> m_wanted;
    std::unordered_map<std::string, std::string> m_values;
    std::unordered_map<std::string, std::vector<qint64>> m_rowids;
    std::string m_lastKey;
    std::vector<qint64> *m_lastRowids = nullptr;
};

// Passes on cancel requests and shows the source reads as "finding differences".
class FindingProgress final : public ProgressObserver {
public:
    explicit FindingProgress(ProgressObserver *observer) : m_observer(observer) {}
    void tableProgress(MigrationPhase, SourceTable table, qint64 done, qint64 total) override {
        if (m_observer)
            m_observer->tableProgress(MigrationPhase::FindingDifferences, table, done, total);
    }
    bool isCancelRequested() const override {
        return m_observer && m_observer->isCancelRequested();
    }

private:
    ProgressObserver *m_observer;
};

std::optional<qint64> idOf(const std::string &row) {
    const auto parsed = nlohmann::json::parse(row, nullptr, false);
    if (parsed.is_object())
        if (const auto id = parsed.find("id"); id != parsed.end() && id->is_number_integer())
            return id->get<qint64>();
    return std::nullopt;
}

class DifferenceSearch {
public:
    DifferenceSearch(SourceDatabase &source, const SourceTableInfo &info, KeyLayout layout,
                     const KvStore &store, size_t budget, DifferenceList &found,
                     ProgressObserver *observer)
        : m_source(source), m_info(info), m_layout(layout), m_store(store),
          m_budget(std::max<size_t>(budget, 1024)), m_found(found), m_observer(observer),
          m_keys(info.table, layout), m_progress(observer) {}

    Result<DifferenceSearchStats> run() {
        std::vector<Partition> pending{Partition{}};
        m_stats.partitions = 0;
        while (!pending.empty()) {
            const Partition partition = pending.back();
            pending.pop_back();
            Result<bool> fitted = searchPartition(partition);
            if (!fitted.isOk())
                return fitted.status();
            if (fitted.value()) {
                ++m_stats.partitions;
                continue;
            }
            // More keys than the budget holds (nothing of them was added): in two halves.
            if (partition.depth >= 32)
                return Status::internal(
                    QStringLiteral("%1: its keys do not fit a memory budget of %2 bytes")
                        .arg(tableName(m_info.table))
                        .arg(m_budget));
            ++m_stats.splits;
            pending.push_back({partition.depth + 1, partition.bits * 2 + 1});
            pending.push_back({partition.depth + 1, partition.bits * 2});
        }
        return m_stats;
    }

private:
    // Compares the keys of one partition; false when they did not fit the budget (nothing was
    // added then).
    Result<bool> searchPartition(Partition partition) {
        PartitionSums sums(m_keys, partition, m_budget);
        {
            TableScanner scanner(m_source, m_info, m_layout);
            Result<TableScanResult> scanned = scanner.run(sums, &m_progress);
            if (sums.overflowed())
                return false;
            if (!scanned.isOk())
                return scanned.status();
        }
        std::vector<KeyDifference> differences;
        size_t bytes = sums.bytes();
        for (const std::string_view prefix : m_keys.prefixes()) {
            const auto cursor = m_store.cursor();
            qint64 seen = 0;
            for (cursor->seek(prefix); cursor->isValid() && cursor->key().starts_with(prefix);
                 cursor->next()) {
                if (++seen % 4096 == 0 && m_observer && m_observer->isCancelRequested())
                    return Status::cancelled(QStringLiteral("cancelled while finding differences"));
                const std::string_view key = cursor->key();
                if (!partition.holds(key))
                    continue;
                const KeySum stored = sumOf(key, cursor->value(), m_keys.elementsOf(key));
                const auto expected = sums.sums().find(std::string(key));
                if (expected == sums.sums().end()) {
                    differences.push_back(
                        {std::string(key), DifferenceKind::ExtraInStore, {}, stored});
                    bytes += key.size() + keyEntryOverhead;
                    if (bytes > m_budget)
                        return false;
                    continue;
                }
                if (!(expected->second == stored))
                    differences.push_back(
                        {std::string(key), DifferenceKind::Changed, expected->second, stored});
                sums.sums().erase(expected);
            }
            if (Status status = cursor->status(); !status.isOk())
                return status;
        }
        for (auto &[key, sum] : sums.sums())
            differences.push_back({key, DifferenceKind::MissingInStore, sum, {}});
        sums.sums().clear();
        std::sort(differences.begin(), differences.end());
        if (Status status = listRows(differences); !status.isOk())
            return status;
        return true;
    }

    // Lists and counts the rows of the differing keys, in key order, reading the rows of those
    // that need them (changed keys; missing ones while the list has room for their rowids) in
    // batches that fit the budget.
    Status listRows(const std::vector<KeyDifference> &differences) {
        size_t room = m_found.room(); // an upper bound: a changed key has one difference at least
        std::vector<bool> detailed(differences.size(), false);
        for (size_t i = 0; i < differences.size(); ++i) {
            const KeyDifference &difference = differences[i];
            const qint64 lowerBound = difference.kind == DifferenceKind::MissingInStore
                                          ? qint64(difference.source.sum.rows)
                                      : difference.kind == DifferenceKind::ExtraInStore
                                          ? std::max<qint64>(qint64(difference.store.sum.rows), 1)
                                          : 1;
            detailed[i] = difference.kind == DifferenceKind::Changed ||
                          (difference.kind == DifferenceKind::MissingInStore && room > 0);
            room -= std::min<size_t>(room, static_cast<size_t>(lowerBound));
        }
        size_t next = 0; // the first difference not yet listed
        while (next < differences.size()) {
            // The next batch: detailed keys from `next` on while their rows fit half the budget.
            std::set<std::string, std::less<>> wanted;
            size_t batchBytes = 0;
            size_t end = next;
            for (; end < differences.size(); ++end) {
                if (!detailed[end])
                    continue;
                const KeyDifference &d = differences[end];
                const size_t need = 2 * (d.source.valueBytes + d.store.valueBytes) +
                                    d.source.sum.rows * rowidBytes + 2 * d.key.size() +
                                    keyEntryOverhead;
                if (!wanted.empty() && batchBytes + need > m_budget / 2)
                    break;
                wanted.insert(d.key);
                batchBytes += need;
            }
            KeyRows rows(std::move(wanted));
            if (batchBytes > 0) {
                TableScanner scanner(m_source, m_info, m_layout);
                scanner.setRowTrace(&rows);
                ++m_stats.detailReads;
                if (Result<TableScanResult> scanned = scanner.run(rows, &m_progress);
                    !scanned.isOk())
                    return scanned.status();
            }
            for (; next < end; ++next)
                if (Status status = listKey(differences[next], detailed[next] ? &rows : nullptr);
                    !status.isOk())
                    return status;
        }
        return Status::ok();
    }

    Difference difference(const std::string &key, DifferenceKind kind,
                          std::optional<qint64> rowid) const {
        return Difference{m_info.table, key, kind, rowid, {}, {}};
    }

    // Adds the rows of one differing key; `rows` holds its source rows when they were read.
    Status listKey(const KeyDifference &key, const KeyRows *rows) {
        const ElementLayout elements = m_keys.elementsOf(key.key);
        const std::optional<qint64> rejectRowid = m_keys.rejectRowid(key.key);
        if (key.kind == DifferenceKind::ExtraInStore) {
            const qint64 count = std::max<qint64>(qint64(key.store.sum.rows), 1);
            for (qint64 i = 0; i < count; ++i)
                m_found.add(difference(key.key, DifferenceKind::ExtraInStore, std::nullopt));
            return Status::ok();
        }
        std::vector<std::string> fromSource;
        const std::vector<qint64> *rowids = nullptr;
        if (rows) {
            if (const std::string *value = rows->value(key.key))
                fromSource = canonicalElements(*value, elements);
            rowids = rows->rowids(key.key);
        }
        const auto rowidOf = [&](size_t index) -> std::optional<qint64> {
            if (rejectRowid)
                return rejectRowid;
            if (rowids && index < rowids->size())
                return (*rowids)[index];
            return std::nullopt;
        };
        if (key.kind == DifferenceKind::MissingInStore) {
            const size_t count = rows ? fromSource.size() : key.source.sum.rows;
            for (size_t i = 0; i < count; ++i)
                m_found.add(difference(key.key, DifferenceKind::MissingInStore, rowidOf(i)));
            return Status::ok();
        }
        Result<std::optional<std::string>> stored = m_store.get(key.key);
        if (!stored.isOk())
            return stored.status();
        bool decoded = true;
        const std::vector<std::string> fromStore =
            stored.value() ? canonicalElements(*stored.value(), elements, &decoded)
                           : std::vector<std::string>();
        // Records of a group are paired by id, in order; a single-row value is its one record.
        std::multimap<std::optional<qint64>, size_t> unmatched;
        for (size_t i = 0; i < fromSource.size(); ++i)
            unmatched.emplace(
                elements == ElementLayout::ArrayElements ? idOf(fromSource[i]) : std::nullopt, i);
        for (const std::string &record : fromStore) {
            const std::optional<qint64> id =
                elements == ElementLayout::ArrayElements ? idOf(record) : std::nullopt;
            const auto match = unmatched.find(id);
            if (match == unmatched.end()) {
                m_found.add(difference(key.key, DifferenceKind::ExtraInStore, std::nullopt));
                continue;
            }
            const size_t index = match->second;
            unmatched.erase(match);
            if (fromSource[index] == record)
                continue;
            Difference changed = difference(key.key, DifferenceKind::Changed, rowidOf(index));
            changed.fields = differingFields(fromSource[index], record);
            m_found.add(std::move(changed));
        }
        std::vector<size_t> missing;
        for (const auto &[id, index] : unmatched)
            missing.push_back(index);
        std::sort(missing.begin(), missing.end());
        // Rows the store's value does not hold; where it could not be read whole, they are there
        // but unreadable: changed.
        for (const size_t index : missing) {
            Difference row = difference(
                key.key, decoded ? DifferenceKind::MissingInStore : DifferenceKind::Changed,
                rowidOf(index));
            if (!decoded)
                row.note = QObject::tr("the stored value is not JSON of the expected shape");
            m_found.add(std::move(row));
        }
        if (!decoded && missing.empty()) {
            Difference value = difference(key.key, DifferenceKind::Changed, std::nullopt);
            value.note = QObject::tr("the stored value is not JSON of the expected shape");
            m_found.add(std::move(value));
        }
        return Status::ok();
    }

    SourceDatabase &m_source;
    const SourceTableInfo &m_info;
    KeyLayout m_layout;
    const KvStore &m_store;
    size_t m_budget;
    DifferenceList &m_found;
    ProgressObserver *m_observer;
    TableKeys m_keys;
    FindingProgress m_progress;
    DifferenceSearchStats m_stats;
};

} // namespace

std::vector<std::string> differingFields(std::string_view sourceRow, std::string_view storeRow) {
    const auto source = nlohmann::ordered_json::parse(sourceRow, nullptr, false);
    const auto store = nlohmann::ordered_json::parse(storeRow, nullptr, false);
    std::vector<std::string> fields;
    if (!source.is_object() || !store.is_object())
        return fields;
    for (const auto &[name, value] : source.items())
        if (const auto other = store.find(name); other == store.end() || *other != value)
            fields.push_back(name);
    for (const auto &[name, value] : store.items())
        if (!source.contains(name))
            fields.push_back(name);
    return fields;
}

Result<DifferenceSearchStats> findTableDifferences(SourceDatabase &source,
                                                   const SourceTableInfo &info, KeyLayout layout,
                                                   const KvStore &store, size_t memoryBudget,
                                                   DifferenceList &found,
                                                   ProgressObserver *observer) {
    return DifferenceSearch(source, info, layout, store, memoryBudget, found, observer).run();
}

} // namespace magellan
