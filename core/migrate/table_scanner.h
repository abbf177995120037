#pragma once

#include "migrate/progress.h"
#include "migrate/scan_output.h"
#include "source/table_reader.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace magellan {

// Reads one table of a source snapshot and turns each row into its KV entry, or into a reject
// entry with the reason. Memory is bounded by the largest group, a few batches and, in storage
// order, the open groups (StorageOrderAssembler).
// A grouped table is read in storage (rowid) order first, a third cheaper than by group through
// the index; when its rows are too scattered for that, it is read again in key order from the
// start. Either way the sink may see a key put twice, and the later put is the right one (as
// BulkLoadSink keeps it).
// Who does what on which thread: the calling thread (the one that opened the source) steps SQLite
// through the TableReader and reports progress; with pipelining on (the default) a second thread
// owns the RowEncoder, the ScanOutput and the assembler while the next rows are read. The two meet
// only through the batch pipe, and after it is joined. Both ways produce the same entries in the
// same order.
class TableScanner {
public:
    static constexpr int progressInterval = 4096; // rows between progress and cancel checks
    static constexpr size_t batchesInFlight = 4;  // bounds the pipeline's memory
    static constexpr size_t listedRejectLimit = ScanOutput::listedRejectLimit;

    // REQUIRES: `info.exists`; `source` and `info` outlive the scanner.
    TableScanner(SourceDatabase &source, const SourceTableInfo &info, KeyLayout layout);

    // Scans only the rows `filter` selects (the browser's side-by-side view), in key order.
    void setRowFilter(RowFilter filter) { m_filter = std::move(filter); }
    // On: every row is put as found, under its reject key, whatever its checks say (what a
    // reject's "row" holds), for comparing a stored reject with its source row.
    void setRowsAsFound(bool asFound) { m_rowsAsFound = asFound; }
    // Tells `trace` (which outlives the run) the key of every carried row; reads in key order.
    void setRowTrace(RowTrace *trace) { m_trace = trace; }
    // Off: encodes on the calling thread too (small scans; tests comparing both ways).
    void setPipelined(bool pipelined) { m_pipelined = pipelined; }

    // The SQL of a scan in key order.
    QString selectSql() const;
    // The SQL a scan in storage order runs: every row by rowid, then the NULL group's rows by key.
    // Empty when the table is not read that way (not grouped, no group column, a row filter or a
    // trace).
    QStringList storageOrderSql() const;
    // How the last run() read the table: true in storage order, false in key order.
    bool readInStorageOrder() const { return m_readInStorageOrder; }

    // Scans the whole table into `sink`. Returns the counts, or the status that stopped it.
    Result<TableScanResult> run(KvSink &sink, ProgressObserver *observer);

private:
    // A storage-order attempt: the table written, or too scattered to be (nothing kept).
    struct StorageOrderRead {
        bool tooScattered = false;
        TableScanResult result;
    };

    Result<StorageOrderRead> scanInStorageOrder(RowEncoder &encoder, KvSink &sink,
                                                ProgressObserver *observer);
    Status readAgainByKey(ReadOrder order, const std::string &idList, ScanOutput &output,
                          ProgressObserver *observer);
    Status read(ReadOrder order, const std::string &idList, ScanOutput &output,
                EntryAssembler &assembler, ProgressObserver *observer, bool pipelined);
    Status consume(const RowBatch &batch, bool firstRead, ScanOutput &output,
                   EntryAssembler &assembler, qint64 &rowsSeen) const;
    Status afterBatch(size_t rows, bool firstRead, ProgressObserver *observer);

    const SourceTableInfo &m_info;
    const KeyLayout m_layout;
    TableReader m_reader;
    std::optional<RowFilter> m_filter;
    RowTrace *m_trace = nullptr;
    bool m_pipelined = true;
    bool m_rowsAsFound = false;
    bool m_readInStorageOrder = false;
    qint64 m_rowsRead = 0;     // by the current first read (a read again after a fallback: anew)
    qint64 m_rowsReported = 0; // progress never goes back, even when a table is read again
};

} // namespace magellan
