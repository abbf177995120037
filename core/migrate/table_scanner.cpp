#include "migrate/table_scanner.h"

#include "batch_pipe.h"
#include "format/json_writer.h"
#include "migrate/key_order_assembler.h"
#include "migrate/storage_order_assembler.h"

#include <QElapsedTimer>

#include <algorithm>

namespace magellan {
namespace {

// A JSON array of ids, bound to ?1 of a second read (json_each in table_query).
template <typename Ids> std::string idArray(const Ids &ids) {
    std::string array = "[";
    for (const std::int64_t id : ids) {
        if (array.size() > 1)
            array += ',';
        JsonWriter::appendInt(id, array);
    }
    array += ']';
    return array;
}

} // namespace

TableScanner::TableScanner(SourceDatabase &source, const SourceTableInfo &info, KeyLayout layout)
    : m_info(info), m_layout(layout), m_reader(source, info) {}

QString TableScanner::selectSql() const {
    return magellan::selectSql(m_info, ReadOrder::Key, m_filter ? &*m_filter : nullptr);
}

QStringList TableScanner::storageOrderSql() const {
    const TableDefinition &definition = tableDefinition(m_info.table);
    const bool hasGroupColumn =
        std::any_of(m_info.columns.begin(), m_info.columns.end(), [&](const QString &column) {
            return sameSqlName(column.toStdString(), definition.groupColumn);
        });
    if (definition.groupColumn.empty() || !hasGroupColumn || m_filter || m_trace)
        return {};
    return {magellan::selectSql(m_info, ReadOrder::Storage, nullptr),
            magellan::selectSql(m_info, ReadOrder::NullGroup, nullptr)};
}

Result<TableScanResult> TableScanner::run(KvSink &sink, ProgressObserver *observer) {
    QElapsedTimer timer;
    timer.start();
    if (observer)
        observer->tableProgress(MigrationPhase::Scanning, m_info.table, 0, m_info.rows);
    RowEncoder encoder(m_info, m_layout);
    std::optional<TableScanResult> result;
    bool putBefore = false; // a storage-order attempt put keys that the read by key puts again
    m_readInStorageOrder = false;
    if (!storageOrderSql().isEmpty()) {
        Result<StorageOrderRead> attempt = scanInStorageOrder(encoder, sink, observer);
        if (!attempt.isOk())
            return attempt.status();
        putBefore = attempt.value().tooScattered;
        if (!attempt.value().tooScattered)
            result = std::move(attempt.value().result);
        m_readInStorageOrder = result.has_value();
    }
    if (!result) {
        ScanOutput output(sink, encoder, m_trace);
        output.result().keysPutAgain = putBefore;
        KeyOrderAssembler assembler(output);
        m_rowsRead = 0;
        if (Status status = read(ReadOrder::Key, {}, output, assembler, observer, m_pipelined);
            !status.isOk())
            return status;
        if (Status status = assembler.finish(); !status.isOk())
            return status;
        result = std::move(output.result());
    }
    result->rowsRead = m_rowsRead;
    // A group read again by key listed its repairs twice.
    std::vector<RepairedValue> &repairs = result->repairs;
    std::sort(repairs.begin(), repairs.end());
    repairs.erase(std::unique(repairs.begin(), repairs.end()), repairs.end());
    if (observer)
        observer->tableProgress(MigrationPhase::Scanning, m_info.table, result->rowsRead,
                                result->rowsRead);
    result->seconds = timer.nsecsElapsed() / 1e9;
    return std::move(*result);
}

Result<TableScanner::StorageOrderRead>
TableScanner::scanInStorageOrder(RowEncoder &encoder, KvSink &sink, ProgressObserver *observer) {
    ScanOutput output(sink, encoder);
    StorageOrderAssembler assembler(output);
    m_rowsRead = 0;
    if (Status status = read(ReadOrder::Storage, {}, output, assembler, observer, m_pipelined);
        !status.isOk())
        return status;
    if (assembler.gaveUp())
        return StorageOrderRead{true, {}};
    if (Status status = assembler.finish(); !status.isOk())
        return status;
    // The rest by key: the NULL group's rows, then the groups met in pieces.
    const qint64 carriedBefore = output.result().recordsCarried;
    if (!assembler.nullGroupRowids().empty())
        if (Status status = readAgainByKey(ReadOrder::NullGroup,
                                           idArray(assembler.nullGroupRowids()), output, observer);
            !status.isOk())
            return status;
    if (!assembler.deferredGroups().empty())
        if (Status status = readAgainByKey(ReadOrder::Deferred, idArray(assembler.deferredGroups()),
                                           output, observer);
            !status.isOk())
            return status;
    const qint64 carried = output.result().recordsCarried - carriedBefore;
    if (carried != assembler.deferredRows()) // the snapshot makes this impossible
        return Status::internal(
            QStringLiteral("%1: %2 rows were left for a second pass, which carried %3")
                .arg(tableName(m_info.table))
                .arg(assembler.deferredRows())
                .arg(carried));
    return StorageOrderRead{false, std::move(output.result())};
}

// A second read, by key: each value replaces what the first read put. That read counted these
// rows and rejected the faulty ones, so this one only carries.
Status TableScanner::readAgainByKey(ReadOrder order, const std::string &idList, ScanOutput &output,
                                    ProgressObserver *observer) {
    KeyOrderAssembler assembler(output);
    if (Status status = read(order, idList, output, assembler, observer, false); !status.isOk())
        return status;
    return assembler.finish();
}

Status TableScanner::read(ReadOrder order, const std::string &idList, ScanOutput &output,
                          EntryAssembler &assembler, ProgressObserver *observer, bool pipelined) {
    const RowFilter *filter = order == ReadOrder::Key && m_filter ? &*m_filter : nullptr;
    if (Status status = m_reader.start(order, filter, idList); !status.isOk())
        return status;
    const bool firstRead = order == ReadOrder::Key || order == ReadOrder::Storage;
    qint64 rowsSeen = 0; // the encoder's
    if (!pipelined) {
        RowBatch batch;
        for (bool more = true; more;) {
            Result<bool> next = m_reader.next(batch);
            if (!next.isOk())
                return next.status();
            more = next.value();
            if (Status status = consume(batch, firstRead, output, assembler, rowsSeen);
                !status.isOk() || assembler.gaveUp())
                return status;
            if (Status status = afterBatch(batch.rows, firstRead, observer); !status.isOk())
                return status;
        }
        return Status::ok();
    }
    BatchPipe<RowBatch> pipe(batchesInFlight);
    Status encoded; // written by the encoder, read after it is joined
    PipeConsumerThread<RowBatch> encoder(pipe, [&] {
        while (std::unique_ptr<RowBatch> batch = pipe.pop()) {
            encoded = consume(*batch, firstRead, output, assembler, rowsSeen);
            pipe.recycle(std::move(batch));
            if (!encoded.isOk() || assembler.gaveUp()) {
                pipe.close();
                return;
            }
        }
    });
    Status readStatus;
    for (bool more = true; more;) {
        std::unique_ptr<RowBatch> batch = pipe.emptyBatch();
        if (!batch) // the encoder stopped
            break;
        Result<bool> next = m_reader.next(*batch);
        if (!next.isOk()) {
            readStatus = next.status();
            break;
        }
        more = next.value();
        const size_t rows = batch->rows;
        if (!pipe.push(std::move(batch)))
            break;
        if (readStatus = afterBatch(rows, firstRead, observer); !readStatus.isOk())
            break;
    }
    encoder.stop(readStatus.isOk());
    return encoded.isOk() ? readStatus : encoded;
}

// The encoder's side of a read: each row checked, then carried, rejected or put as found.
Status TableScanner::consume(const RowBatch &batch, bool firstRead, ScanOutput &output,
                             EntryAssembler &assembler, qint64 &rowsSeen) const {
    const size_t width = m_reader.width();
    for (size_t r = 0; r < batch.rows; ++r) {
        const SqlValue *row = &batch.values[r * width];
        ++rowsSeen;
        Status status;
        if (m_rowsAsFound)
            status = output.putRowAsFound(row);
        else if (const auto violation = output.encoder().check(row, batch.hasInfiniteReal))
            status = firstRead ? output.reject(row, *violation) : Status::ok();
        else
            status = assembler.carry(row, rowsSeen);
        if (!status.isOk() || assembler.gaveUp())
            return status;
    }
    return assembler.endBatch(rowsSeen);
}

// The reader's side after each batch: progress and a cancel check every progressInterval rows of
// a first read; a second read (rows counted already) looks for a cancel after every batch.
Status TableScanner::afterBatch(size_t rows, bool firstRead, ProgressObserver *observer) {
    if (firstRead) {
        const qint64 before = m_rowsRead;
        m_rowsRead += static_cast<qint64>(rows);
        if (!observer || before / progressInterval == m_rowsRead / progressInterval ||
            m_rowsRead <= m_rowsReported) // read again after a fallback: no step back
            return Status::ok();
        m_rowsReported = m_rowsRead;
        observer->tableProgress(MigrationPhase::Scanning, m_info.table, m_rowsRead,
                                std::max(m_info.rows, m_rowsRead));
    }
    if (observer && observer->isCancelRequested())
        return Status::cancelled(
            QStringLiteral("cancelled while reading %1").arg(tableName(m_info.table)));
    return Status::ok();
}

} // namespace magellan
