#include "format/row_checksum.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace magellan {

void RowChecksum::add(std::string_view key, std::string_view canonicalRow) {
    if (!m_hasKey || key != m_key)
        setKey(key);
    add(canonicalRow);
}

void RowChecksum::setKey(std::string_view key) {
    // Rows are hashed with their key's hash as the seed: key and row cannot trade bytes, and the
    // rows of one group (one key, many rows in a row) hash their key once.
    m_key.assign(key);
    m_keySeed = XXH3_64bits(key.data(), key.size());
    m_hasKey = true;
}

void RowChecksum::add(std::string_view canonicalRow) {
    const XXH128_hash_t hash =
        XXH3_128bits_withSeed(canonicalRow.data(), canonicalRow.size(), m_keySeed);
    const std::uint64_t low = m_low + hash.low64;
    m_high += hash.high64 + (low < m_low ? 1 : 0);
    m_low = low;
    ++m_rows;
}

void RowChecksum::merge(const Sum &other) {
    const std::uint64_t low = m_low + other.low;
    m_high += other.high + (low < m_low ? 1 : 0);
    m_low = low;
    m_rows += other.rows;
}

void RowChecksum::subtract(const Sum &other) {
    const std::uint64_t low = m_low - other.low;
    m_high -= other.high + (low > m_low ? 1 : 0);
    m_low = low;
    m_rows -= other.rows;
}

QString RowChecksum::toString() const {
    return QStringLiteral("%1:%2%3")
        .arg(m_rows)
        .arg(m_high, 16, 16, QLatin1Char('0'))
        .arg(m_low, 16, 16, QLatin1Char('0'));
}

} // namespace magellan
