#pragma once

#include "format/source_tables.h"

#include <QString>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace magellan {

// kv-format.md, "Outcome and differences".
enum class DifferenceKind {
    MissingInStore, // a source row has no record in the store
    ExtraInStore,   // a stored record or key has no source row
    Changed,        // the same row on both sides, different values
};

// "missing_in_store", "extra_in_store", "changed".
inline std::string_view differenceKindName(DifferenceKind kind) {
    switch (kind) {
    case DifferenceKind::MissingInStore:
        return "missing_in_store";
    case DifferenceKind::ExtraInStore:
        return "extra_in_store";
    case DifferenceKind::Changed:
        break;
    }
    return "changed";
}

// One row (or key) where the store and its source differ.
struct Difference {
    std::optional<SourceTable> table; // unset: a key of none of the tables read
    std::string key;                  // the key the row belongs to (or would belong to)
    DifferenceKind kind = DifferenceKind::Changed;
    std::optional<qint64> rowid;     // the source row's, where there is one
    std::vector<std::string> fields; // Changed: the fields that differ, in value order
    QString note;                    // what the fields cannot say (a value that is not JSON)
};

// Every difference counted, the first `limit` kept. A value, filled on one thread.
class DifferenceList {
public:
    static constexpr size_t defaultLimit = 1000;

    explicit DifferenceList(size_t limit = defaultLimit) : m_limit(limit) {}

    void add(Difference difference) {
        ++m_total;
        if (m_listed.size() < m_limit)
            m_listed.push_back(std::move(difference));
    }
    // Counts `count` more differences that cannot be listed (only their number is known).
    void addUnlisted(qint64 count) { m_total += count; }
    // How many more would still be listed.
    size_t room() const { return m_limit - std::min(m_limit, m_listed.size()); }

    qint64 total() const { return m_total; }
    size_t limit() const { return m_limit; }
    const std::vector<Difference> &listed() const { return m_listed; }

private:
    size_t m_limit;
    qint64 m_total = 0;
    std::vector<Difference> m_listed;
};

} // namespace magellan
