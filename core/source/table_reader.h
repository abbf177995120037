#pragma once

#include "source/row_batch.h"
#include "source/table_query.h"

#include <memory>
#include <optional>
#include <string>

struct sqlite3_stmt;

namespace magellan {

// Steps one read of a table and copies its rows out in batches, checking on the way that the
// rows come as an intact b-tree gives them. Used only on the thread that opened `source`.
class TableReader {
public:
    static constexpr size_t batchRows = 1024;     // rows handed over at once
    static constexpr size_t batchBytes = 1 << 20; // or fewer, once their text is this big

    // REQUIRES: `info.exists`; `source` and `info` outlive the reader.
    TableReader(SourceDatabase &source, const SourceTableInfo &info);
    ~TableReader();
    TableReader(const TableReader &) = delete;
    TableReader &operator=(const TableReader &) = delete;

    // Values per row: the rowid, then every column in table order.
    size_t width() const { return m_width; }

    // Prepares a read in `order`. Key order binds `filter`'s parameters (when given); NullGroup
    // and Deferred bind `idList`, a JSON array of rowids or group ids.
    Status start(ReadOrder order, const RowFilter *filter, const std::string &idList = {});
    // Fills `batch` with the next rows. True while more rows may follow; Corrupt when rows come
    // twice or out of order (a damaged table), the SQLite error when a step fails.
    Result<bool> next(RowBatch &batch);

private:
    int fillBatch(RowBatch &batch);
    Status checkRowids(const RowBatch &batch);
    Status stepError(int rc) const;

    SourceDatabase &m_source;
    const SourceTableInfo &m_info;
    size_t m_width = 0;
    ReadOrder m_order = ReadOrder::Key;
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt *)> m_statement;
    std::optional<std::int64_t> m_lastRowid; // the last row's, to find a page read twice
};

} // namespace magellan
