#pragma once

#include "format/kv_keys.h"
#include "store/kv_sink.h"
#include "migrate/progress.h"
#include "format/row_checksum.h"
#include "source/source_database.h"

#include <QString>

#include <optional>
#include <set>
#include <string>
#include <unordered_map>
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
    bool keysPutAgain = false; // some key went to the sink twice: the store holds dead versions
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

// Reads one table of a source snapshot and turns each row into its KV entry, or into a reject
// entry with the reason. Memory is bounded by the largest group, a few batches and, in storage
// order, `openGroupBytes` of open groups.
// A grouped table is read in storage (rowid) order, a third cheaper than by group through the
// index: an indexer writes a few files at a time, so a group's rows lie close together there.
// The most recently seen groups stay open (at most `openGroupLimit`, `openGroupBytes`); a group
// that turns up again after it was written, and the NULL group, are read again by key in a second
// pass that replaces their value. When such rows are too many, the table is read again in key
// order from the start. Either way the sink may see a key put twice, and the later put is the
// right one (as KvStore and BulkLoadSink keep it).
// SQLite is only ever stepped on the calling thread; with pipelining on (the default), rows are
// encoded and handed to the sink on a second thread while the next ones are read. Both ways
// produce the same entries in the same order.
class TableScanner {
public:
    static constexpr int progressInterval = 4096; // rows between progress and cancel checks
    static constexpr size_t listedRejectLimit = 1000;
    static constexpr size_t batchRows = 1024;            // rows handed over at once
    static constexpr size_t batchBytes = 1 << 20;        // or fewer, once their text is this big
    static constexpr size_t batchesInFlight = 4;         // bounds the pipeline's memory
    static constexpr size_t openGroupLimit = 64;         // storage order: groups held open
    static constexpr size_t openGroupBytes = 32 << 20;   // and their values' bytes at most
    static constexpr qint64 finishedAfterRows = 1 << 14; // a group this long without rows is done
    // More rows than this left for the second pass, and over a quarter of those seen: the table
    // is read by key instead.
    static constexpr qint64 scatteredRowsMinimum = 1 << 14;
    static constexpr size_t spareValues = 16;            // value buffers kept for reuse
    static constexpr size_t spareValueBytes = 256 << 10; // (no larger ones)
    static constexpr size_t plainObjectRoom = 1 << 20;   // larger rows are encoded value by value

    // REQUIRES: `info.exists`; `source` outlives the scanner.
    TableScanner(SourceDatabase &source, const SourceTableInfo &info, KeyLayout layout);
    ~TableScanner();

    // Scans only the rows `filter` selects (the browser's side-by-side view).
    void setRowFilter(RowFilter filter) { m_filter = std::move(filter); }
    // On: every row is put as found, under its reject key, whatever its checks say (what a
    // reject's "row" holds), for comparing a stored reject with its source row.
    void setRowsAsFound(bool asFound) { m_rowsAsFound = asFound; }
    // Off: encodes on the calling thread too (small scans; tests comparing both ways).
    void setPipelined(bool pipelined) { m_pipelined = pipelined; }

    // The SQL of a scan in key order (columns in table order after the rowid).
    QString selectSql() const;
    // The SQL a scan in storage order runs: every row by rowid, then the NULL group's rows by key
    // (and, when some are found in pieces, those groups by key). Empty when the table is not read
    // that way (not grouped, no group column, a row filter).
    QStringList storageOrderSql() const;
    // How the last run() read the table: true in storage order, false in key order.
    bool readInStorageOrder() const { return m_order != Order::Key; }

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
        bool hasInfiniteReal = false;
    };
    struct OutputField {
        std::string jsonKey;       // "name":
        std::string jsonBase64Key; // ,"name_base64":
        int valueIndex = -1;       // into a row's values; -1 writes null
        std::string name;          // as written in the value
        bool siblingTaken = false; // a field of the same object is named name_base64
    };
    struct CheckedColumn {
        ColumnConstraint constraint;
        int valueIndex = -1;       // -1: the table has no such column
        unsigned passingTypes = 0; // a bit per SQLite type that passes without a closer look
    };
    struct Violation {
        QString column;
        QString reason;
    };

    enum class Order {
        Key,       // by key: the group, then id
        Storage,   // by rowid, groups held open while their rows come
        NullGroup, // after Storage: the NULL group's rows, by key
        Deferred,  // after Storage: the groups found in pieces, by key
    };
    // What one group added to the result, so that it can be taken back.
    struct GroupShare {
        qint64 repaired = 0;
        RowChecksum::Sum checksum; // its rows: the records it carried
    };
    struct OpenGroup {
        std::string key;
        std::string value; // "[" and the rows so far
        std::int64_t lastId = 0;
        qint64 lastSeen = 0; // m_rowsSeen at its last row
        qint64 repaired = 0;
        RowChecksum checksum; // its rows: the records it carries
    };

    void planColumns();
    QString selectSql(Order order) const;
    void resetScan(Order order);
    Status scan(Order order, KvSink &sink, ProgressObserver *observer);
    Status scanInStorageOrder(KvSink &sink, ProgressObserver *observer);
    Status carryStorageOrderRow(KvSink &sink);
    Status closeOpenGroup(std::int64_t group, KvSink &sink);
    Status closeIdlestGroups(std::optional<std::int64_t> keep, size_t limit, size_t bytes,
                             KvSink &sink);
    Status closeFinishedGroups(KvSink &sink);
    Status deferGroup(std::int64_t group, qint64 recordsTakenBack, qint64 repairedTakenBack);
    Status deferRows(qint64 rows);
    int fillBatch(sqlite3_stmt *statement, RowBatch &batch);
    Status encodeBatch(const RowBatch &batch, KvSink &sink);
    Status readAll(sqlite3_stmt *statement, KvSink &sink, ProgressObserver *observer);
    Status readAllPipelined(sqlite3_stmt *statement, KvSink &sink, ProgressObserver *observer);
    Status afterBatch(size_t rows, ProgressObserver *observer);
    Status checkRowids(const RowBatch &batch);
    Status stepError(int rc) const;
    std::optional<Violation> checkRow(bool mayHoldInfiniteReal) const;
    bool passesChecksAtAGlance() const;
    std::string singleRowKey() const;
    std::optional<std::int64_t> groupId() const;
    void encodeObject(const std::vector<OutputField> &fields, std::string &out);
    bool encodePlainObject(const std::vector<OutputField> &fields, std::string &out);
    void encodeObjectValueByValue(const std::vector<OutputField> &fields, std::string &out);
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
    std::vector<int> m_siblingTakenIndexes; // value fields whose repair has no name to go by
    int m_groupIndex = -1;
    int m_idIndex = -1;

    std::optional<RowFilter> m_filter;
    bool m_pipelined = true;
    bool m_rowsAsFound = false;
    Order m_order = Order::Key;
    // While a pipelined scan runs, the calling thread owns m_rowsRead and the encoder thread owns
    // m_result and every member below; they meet only after the encoder is joined.
    qint64 m_rowsRead = 0;
    qint64 m_rowsReported = 0; // progress never goes back, even when a table is read again
    std::optional<std::int64_t> m_lastRowid; // the reader's: the last row's rowid
    size_t m_width = 0;                      // values per row: the rowid, then every column
    const SqlValue *m_row = nullptr;         // the row being encoded; [0] is the rowid
    TableScanResult m_result;

    std::string m_previousKey; // single-row tables: duplicate detection
    qint64 m_previousRowid = 0;
    bool m_groupOpen = false;
    std::optional<std::int64_t> m_group;
    std::string m_groupKey;
    std::string m_value;
    std::string m_scratch;
    std::string m_objectBuffer; // encodePlainObject's
    std::string
        m_movedBase64; // a reject's row: repairs whose sibling name is taken, as JSON fields

    // Storage order only (the encoder's): groups open and written, the groups and rows left for
    // the deferred pass, and whether the table must be read by key after all.
    std::unordered_map<std::int64_t, OpenGroup> m_openGroups;
    size_t m_openBytes = 0;
    std::vector<std::string> m_spareValues;
    std::unordered_map<std::int64_t, GroupShare> m_writtenGroups;
    std::set<std::int64_t> m_deferredGroups;
    qint64 m_rowsSeen = 0;
    qint64 m_deferredRows = 0;                   // carried rows the deferred pass must read
    std::vector<std::int64_t> m_nullGroupRowids; // rows of the NULL group, for the second pass
    bool m_tooScattered = false;
};

} // namespace magellan
