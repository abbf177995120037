#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace magellan {

// One value of a source row as SQLite gave it. `type` is SQLite's (SQLITE_INTEGER …).
struct SqlValue {
    int type = 0;
    std::int64_t integer = 0; // TEXT and BLOB: the offset of `bytes` while a batch fills
    double real = 0;
    std::string_view bytes;
};

// Rows copied out of SQLite: `values` holds `rows` rows of the read's width (the rowid, then every
// column in table order); text and blobs point into `arena`. Filled on the reader thread, then
// handed whole to the encoder thread.
struct RowBatch {
    std::vector<SqlValue> values;
    std::string arena;
    size_t rows = 0;
    bool hasInfiniteReal = false;
};

} // namespace magellan
