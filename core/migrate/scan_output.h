#pragma once

#include "format/row_checksum.h"
#include "migrate/row_encoder.h"
#include "store/kv_sink.h"

#include <QString>

#include <string_view>
#include <tuple>
#include <vector>

namespace magellan {

struct RejectedRow {
    SourceTable table;
    qint64 rowid = 0;
    QString column;
    QString reason;
};

// One value carried as a readable string with its exact bytes in {column}_base64.
struct RepairedValue {
    SourceTable table;
    std::string key; // the entry it went to (a reject's key when its row was rejected)
    qint64 rowid = 0;
    QString column;
    bool blob = false; // a BLOB; else TEXT that is not valid UTF-8
    QString why() const { return blob ? QStringLiteral("BLOB") : QStringLiteral("invalid UTF-8"); }
    bool operator<(const RepairedValue &o) const {
        return std::tie(key, rowid, column) < std::tie(o.key, o.rowid, o.column);
    }
    bool operator==(const RepairedValue &o) const {
        return key == o.key && rowid == o.rowid && column == o.column;
    }
};

// Told which rows went to which key, in the order they went: a scan's carried rows (the elements
// of a group value in their order) and rejected rows. Called on the scan's encoder thread.
class RowTrace {
public:
    virtual ~RowTrace() = default;
    virtual void rowCarried(std::string_view key, qint64 rowid) = 0;
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
    std::vector<RejectedRow> rejects;   // every one, up to listedRejectLimit
    std::vector<RepairedValue> repairs; // every one, up to listedRepairLimit; sorted by key
};

// Where a scan's entries go, and their tally: the sink, the table's encoder and the counts and
// checksum of what was put. Used only on the encoder thread while a scan runs.
class ScanOutput {
public:
    // Rejects and repaired values listed (all are counted): a bound on memory, not a sample.
    static constexpr size_t listedRejectLimit = 100000;
    static constexpr size_t listedRepairLimit = 100000;

    ScanOutput(KvSink &sink, RowEncoder &encoder, RowTrace *trace = nullptr)
        : m_sink(sink), m_encoder(encoder), m_trace(trace) {
        m_result.table = encoder.table();
    }

    RowEncoder &encoder() { return m_encoder; }
    TableScanResult &result() { return m_result; }
    Status put(std::string_view key, std::string_view value) { return m_sink.put(key, value); }
    // False when the sink keeps no values: assemblers then keep only each row's checksum.
    bool takesValues() const { return m_sink.takesValues(); }

    // After a row of `key` was encoded: lists the values the encoder repaired in it.
    void noteRepairs(std::string_view key, qint64 rowid) {
        for (const RepairedColumn &repaired : m_encoder.lastRepairs())
            if (m_result.repairs.size() < listedRepairLimit)
                m_result.repairs.push_back({m_result.table, std::string(key), rowid,
                                            QString::fromStdString(repaired.column),
                                            repaired.blob});
    }
    // After a row was carried into `key`'s value.
    void traceCarried(std::string_view key, qint64 rowid) {
        if (m_trace)
            m_trace->rowCarried(key, rowid);
    }

    // Puts `row` as found under its reject key, whatever its checks say (comparing a stored
    // reject with its source row needs the row as the reject holds it).
    Status putRowAsFound(const SqlValue *row) {
        m_rowAsFound.clear();
        m_result.repairedValues += m_encoder.appendRowAsFound(row, m_rowAsFound);
        return m_sink.put(kvkey::reject(tableDefinition(m_result.table).name, row[0].integer),
                          m_rowAsFound);
    }

    // Puts the reject entry of `row`, counted and listed (the first few).
    Status reject(const SqlValue *row, const RowViolation &violation) {
        const EncodedReject reject = m_encoder.encodeReject(row, violation);
        m_result.repairedValues += reject.repaired;
        if (reject.repaired > 0)
            noteRepairs(reject.key, row[0].integer);
        m_result.checksum.add(reject.key, reject.row);
        ++m_result.rejectedRows;
        if (m_result.rejects.size() < listedRejectLimit)
            m_result.rejects.push_back(
                {m_result.table, row[0].integer, violation.column, violation.reason});
        return m_sink.put(reject.key, reject.value);
    }

private:
    KvSink &m_sink;
    RowEncoder &m_encoder;
    RowTrace *m_trace;
    TableScanResult m_result;
    std::string m_rowAsFound;
};

// Turns the rows of one read that pass their checks into entries, in the read's order: by key
// (rows of a key come together) or by storage (groups assembled while their rows arrive). Used
// only on the encoder thread.
class EntryAssembler {
public:
    virtual ~EntryAssembler() = default;
    // A row that passed its checks; `rowsSeen` counts every row of the read so far, this one too.
    virtual Status carry(const SqlValue *row, qint64 rowsSeen) = 0;
    // After each batch.
    virtual Status endBatch(qint64 rowsSeen) {
        Q_UNUSED(rowsSeen);
        return Status::ok();
    }
    // After the last row: puts what is still held.
    virtual Status finish() = 0;
    // True once the rows cannot be assembled in this order: the read stops early.
    virtual bool gaveUp() const { return false; }
};

} // namespace magellan
