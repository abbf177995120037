#pragma once

#include <QString>

#include <cstdint>
#include <string>
#include <string_view>

namespace magellan {

// An order-independent checksum of a set of rows: the sum (mod 2^128) of each row's XXH3-128
// hash over its key and canonical encoding, plus the row count. A value: one thread adds to it at
// a time (each scan's and read-back's thread has its own; they are merged after a join).
class RowChecksum {
public:
    // The sum and row count alone, without the cached key: what a group adds to a table's.
    struct Sum {
        std::uint64_t rows = 0;
        std::uint64_t low = 0;
        std::uint64_t high = 0;
    };

    void add(std::string_view key, std::string_view canonicalRow);
    // For the many rows of one key: sets the key, then adds rows of it without comparing keys.
    void setKey(std::string_view key);
    // REQUIRES: a key was set, by setKey() or add(key, row).
    void add(std::string_view canonicalRow);
    void merge(const RowChecksum &other) { merge(other.sum()); }
    void merge(const Sum &other);
    // Takes back rows merged or added before.
    void subtract(const Sum &other);
    Sum sum() const { return {m_rows, m_low, m_high}; }

    std::uint64_t rows() const { return m_rows; }
    // "{rows}:{32 hex digits}"
    QString toString() const;
    bool operator==(const RowChecksum &other) const {
        return m_rows == other.m_rows && m_low == other.m_low && m_high == other.m_high;
    }

private:
    std::uint64_t m_rows = 0;
    std::uint64_t m_low = 0;
    std::uint64_t m_high = 0;
    // The last key's hash, kept for the next row of the same key; not part of the sum.
    std::string m_key;
    std::uint64_t m_keySeed = 0;
    bool m_hasKey = false;
};

} // namespace magellan
