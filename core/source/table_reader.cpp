#include "source/table_reader.h"

#include <sqlite3.h>

#include <cmath>

namespace magellan {

TableReader::TableReader(SourceDatabase &source, const SourceTableInfo &info)
    : m_source(source), m_info(info), m_width(static_cast<size_t>(info.columns.size()) + 1),
      m_statement(nullptr, sqlite3_finalize) {}

TableReader::~TableReader() = default;

Status TableReader::start(ReadOrder order, const RowFilter *filter, const std::string &idList) {
    m_statement.reset();
    m_order = order;
    m_lastRowid.reset();
    const QByteArray sql = selectSql(m_info, order, filter).toUtf8();
    sqlite3_stmt *statement = nullptr;
    const int rc = sqlite3_prepare_v2(m_source.handle(), sql.constData(),
                                      static_cast<int>(sql.size()), &statement, nullptr);
    m_statement.reset(statement);
    if (rc != SQLITE_OK)
        return stepError(rc);
    if (order == ReadOrder::NullGroup || order == ReadOrder::Deferred) {
        sqlite3_bind_text(statement, 1, idList.data(), static_cast<int>(idList.size()),
                          SQLITE_TRANSIENT);
    } else if (order == ReadOrder::Key && filter) {
        for (size_t i = 0; i < filter->params.size(); ++i) {
            const int index = static_cast<int>(i) + 1;
            const RowFilter::Param &param = filter->params[i];
            if (const auto *integer = std::get_if<std::int64_t>(&param))
                sqlite3_bind_int64(statement, index, *integer);
            else if (const auto *text = std::get_if<std::string>(&param))
                sqlite3_bind_text(statement, index, text->data(), static_cast<int>(text->size()),
                                  SQLITE_TRANSIENT);
            else
                sqlite3_bind_null(statement, index);
        }
    }
    return Status::ok();
}

Result<bool> TableReader::next(RowBatch &batch) {
    const int rc = fillBatch(batch);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return stepError(rc);
    if (Status status = checkRowids(batch); !status.isOk())
        return status;
    return rc == SQLITE_ROW;
}

int TableReader::fillBatch(RowBatch &batch) {
    sqlite3_stmt *const statement = m_statement.get();
    batch.rows = 0;
    batch.hasInfiniteReal = false;
    if (batch.arena.capacity() > 2 * batchBytes) // held a huge value: do not keep its memory
        std::string().swap(batch.arena);
    batch.arena.clear();
    batch.arena.reserve(batchBytes + batchBytes / 4); // a batch stops filling past batchBytes
    const size_t reserved = batch.arena.capacity();   // grows only when the arena moves
    batch.values.resize(batchRows * m_width);
    int rc = SQLITE_ROW;
    while (batch.rows < batchRows && batch.arena.size() < batchBytes &&
           (rc = sqlite3_step(statement)) == SQLITE_ROW) {
        SqlValue *row = &batch.values[batch.rows * m_width];
        for (size_t i = 0; i < m_width; ++i) {
            SqlValue &value = row[i];
            // One call into the statement per value; the value it returns is "unprotected",
            // which matters only when another thread uses the connection, and none does.
            sqlite3_value *cell = sqlite3_column_value(statement, static_cast<int>(i));
            value.type = sqlite3_value_type(cell);
            switch (value.type) {
            case SQLITE_INTEGER:
                value.integer = sqlite3_value_int64(cell);
                break;
            case SQLITE_FLOAT:
                value.real = sqlite3_value_double(cell);
                batch.hasInfiniteReal = batch.hasInfiniteReal || std::isinf(value.real);
                break;
            case SQLITE_TEXT:
            case SQLITE_BLOB: {
                const void *bytes = value.type == SQLITE_TEXT
                                        ? static_cast<const void *>(sqlite3_value_text(cell))
                                        : sqlite3_value_blob(cell);
                const size_t size = static_cast<size_t>(sqlite3_value_bytes(cell));
                value.integer = static_cast<std::int64_t>(batch.arena.size());
                if (size > 0)
                    batch.arena.append(static_cast<const char *>(bytes), size);
                value.bytes = std::string_view(batch.arena.data() + value.integer, size);
                break;
            }
            default:
                break;
            }
        }
        ++batch.rows;
    }
    // A value larger than the reserve moved the arena: point text and blobs into it again.
    if (batch.arena.capacity() != reserved)
        for (size_t i = 0; i < batch.rows * m_width; ++i) {
            SqlValue &value = batch.values[i];
            if (value.type == SQLITE_TEXT || value.type == SQLITE_BLOB)
                value.bytes =
                    std::string_view(batch.arena.data() + value.integer, value.bytes.size());
        }
    return rc; // SQLITE_ROW when the batch filled up: the last step gave a row
}

// A damaged b-tree can give a page twice (and then, most likely, miss another): in storage order
// each rowid must be above the one before; in key order a row given twice comes out next to
// itself (same key, same rowid), so no rowid may follow itself.
Status TableReader::checkRowids(const RowBatch &batch) {
    const bool storageOrder = m_order == ReadOrder::Storage;
    for (size_t r = 0; r < batch.rows; ++r) {
        const std::int64_t rowid = batch.values[r * m_width].integer;
        if (m_lastRowid && (storageOrder ? rowid <= *m_lastRowid : rowid == *m_lastRowid))
            return Status::corrupt(damagedTableMessage(
                m_source.path(), m_info.sqlName,
                storageOrder ? QStringLiteral("read in storage order, row %1 comes after row %2")
                                   .arg(rowid)
                                   .arg(*m_lastRowid)
                             : QStringLiteral("row %1 is read twice").arg(rowid)));
        m_lastRowid = rowid;
    }
    return Status::ok();
}

Status TableReader::stepError(int rc) const {
    return m_source.sqliteError(rc, QStringLiteral("reading %1: %2")
                                        .arg(tableName(m_info.table),
                                             QString::fromUtf8(sqlite3_errmsg(m_source.handle()))));
}

} // namespace magellan
