#pragma once

#include "kv_keys.h"
#include "kv_sink.h"
#include "progress.h"
#include "row_checksum.h"
#include "source_database.h"

#include <QString>

#include <optional>
#include <string>
#include <variant>
#include <vector>

struct sqlite3_stmt;

namespace magellan {

struct RejectedRow {
    SourceTable table;
    qint64 rowid = 0;
    QString column;
    QString reason;
};

// What one table's scan produced, counted as it was written.
struct TableScanResult {
    SourceTable table = SourceTable::CodeChunks;
    qint64 rowsRead = 0;
    qint64 keysWritten = 0; // under the table's prefix (rejects not included)
    qint64 recordsCarried = 0;
    qint64 rejectedRows = 0;
    qint64 repairedValues = 0; // values written with a _base64 sibling
    RowChecksum checksum;      // carried and rejected rows, as encoded
    double seconds = 0;
    std::vector<RejectedRow> rejects; // the first few, for people to read
};

// Restricts a scan to some rows: an SQL condition with ?1, ?2 … bound to `params`.
struct RowFilter {
    using Param = std::variant<std::monostate, std::int64_t, std::string>; // NULL, INTEGER, TEXT
    QString where;
    std::vector<Param> params;
};

// Reads one table of a source snapshot in key order and turns each row into its KV entry, or
// into a reject entry with the reason. Memory is bounded by the largest group plus a few batches.
// SQLite is only ever stepped on the calling thread; with pipelining on (the default), rows are
// encoded and handed to the sink on a second thread while the next ones are read. Both ways
// produce the same entries in the same order.
class TableScanner {
public:
    static constexpr int progressInterval = 4096; // rows between progress and cancel checks
    static constexpr size_t listedRejectLimit = 1000;
    static constexpr size_t batchRows = 1024;     // rows handed over at once
    static constexpr size_t batchBytes = 1 << 20; // or fewer, once their text is this big
    static constexpr size_t batchesInFlight = 4;  // bounds the pipeline's memory

    // REQUIRES: `info.exists`; `source` outlives the scanner.
    TableScanner(SourceDatabase &source, const SourceTableInfo &info, KeyLayout layout);
    ~TableScanner();

    // Scans only the rows `filter` selects (the browser's side-by-side view).
    void setRowFilter(RowFilter filter) { m_filter = std::move(filter); }
    // Off: encodes on the calling thread too (small scans; tests comparing both ways).
    void setPipelined(bool pipelined) { m_pipelined = pipelined; }

    // The SQL the scan runs (columns in table order after the rowid, in key order).
    QString selectSql() const;

    // Scans the whole table into `sink`. Returns the counts, or the status that stopped it.
    Result<TableScanResult> run(KvSink &sink, ProgressObserver *observer);

private:
    struct SqlValue {
        int type = 0;
        std::int64_t integer = 0; // TEXT and BLOB: the offset of `bytes` while a batch fills
        double real = 0;
        std::string_view bytes;
    };
    // Rows copied out of SQLite: `values` holds `rows` rows of the table's width; text and
    // blobs point into `arena`.
    struct RowBatch {
        std::vector<SqlValue> values;
        std::string arena;
        size_t rows = 0;
    };
    struct OutputField {
        std::string jsonKey;       // "name":
        std::string jsonBase64Key; // ,"name_base64":
        int valueIndex = -1;       // into a row's values; -1 writes null
    };
    struct CheckedColumn {
        ColumnConstraint constraint;
        int valueIndex = -1; // -1: the table has no such column
    };
    struct Violation {
        QString column;
        QString reason;
    };

    void planColumns();
    int fillBatch(sqlite3_stmt *statement, RowBatch &batch);
    Status encodeBatch(const RowBatch &batch, KvSink &sink);
    Status readAll(sqlite3_stmt *statement, KvSink &sink, ProgressObserver *observer);
    Status readAllPipelined(sqlite3_stmt *statement, KvSink &sink, ProgressObserver *observer);
    Status afterBatch(size_t rows, ProgressObserver *observer);
    Status stepError(int rc) const;
    std::optional<Violation> checkRow() const;
    std::string singleRowKey() const;
    std::optional<std::int64_t> groupId() const;
    void encodeObject(const std::vector<OutputField> &fields, std::string &out);
    void appendValue(const SqlValue &value, const OutputField &field, std::string &out);
    Status carrySingleRow(KvSink &sink);
    Status carryGroupedRow(KvSink &sink);
    Status closeGroup(KvSink &sink);
    Status reject(KvSink &sink, const Violation &violation);

    SourceDatabase &m_source;
    const SourceTableInfo &m_info;
    const TableDefinition &m_definition;
    const KeyLayout m_layout;
    std::string m_prefix;
    bool m_grouped = false;

    std::vector<std::string> m_columnNames; // real columns, table order
    std::vector<OutputField> m_valueFields; // the value's fields, in the contract's order
    std::vector<OutputField> m_rowFields;   // every column as found, for rejects
    std::vector<CheckedColumn> m_checks;
    std::vector<int> m_keyIndexes; // single-row tables: key columns' indexes into a row's values
    int m_groupIndex = -1;

    std::optional<RowFilter> m_filter;
    bool m_pipelined = true;
    // While a pipelined scan runs, the calling thread owns m_rowsRead and the encoder thread owns
    // m_result and every member below; they meet only after the encoder is joined.
    qint64 m_rowsRead = 0;
    size_t m_width = 0;              // values per row: the rowid, then every column
    const SqlValue *m_row = nullptr; // the row being encoded; [0] is the rowid
    TableScanResult m_result;

    std::string m_previousKey; // single-row tables: duplicate detection
    qint64 m_previousRowid = 0;
    bool m_groupOpen = false;
    std::optional<std::int64_t> m_group;
    std::string m_groupKey;
    std::string m_value;
    std::string m_scratch;
};

} // namespace magellan
