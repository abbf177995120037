#include "migrate/table_scanner.h"

#include "migrate/batch_pipe.h"
#include "format/json_writer.h"
#include "format/utf8.h"

#include <QByteArray>
#include <QElapsedTimer>

#include <sqlite3.h>

#include <cmath>
#include <cstring>

namespace magellan {
namespace {

std::string jsonKeyOf(std::string_view name) {
    std::string key;
    JsonWriter::appendEscaped(name, key);
    key += ':';
    return key;
}

QString quotedIdentifier(const std::string &identifier) {
    QString escaped = QString::fromStdString(identifier);
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

const char *storageClassName(int type) {
    switch (type) {
    case SQLITE_INTEGER:
        return "INTEGER";
    case SQLITE_FLOAT:
        return "REAL";
    case SQLITE_TEXT:
        return "TEXT";
    case SQLITE_BLOB:
        return "BLOB";
    default:
        return "NULL";
    }
}

// The SQLite types a constraint lets pass without a closer look (key text needs its UTF-8
// checked), as bits 1 << SQLITE_INTEGER and so on.
unsigned passingTypesOf(const ColumnConstraint &constraint) {
    const auto bit = [](int type) { return 1u << type; };
    unsigned types = constraint.required ? 0 : bit(SQLITE_NULL);
    switch (constraint.rule) {
    case ColumnRule::Any:
        return types | bit(SQLITE_INTEGER) | bit(SQLITE_FLOAT) | bit(SQLITE_TEXT) |
               bit(SQLITE_BLOB);
    case ColumnRule::Integer:
    case ColumnRule::IntegerOrKey:
        return types | bit(SQLITE_INTEGER);
    case ColumnRule::Text:
        return types | bit(SQLITE_TEXT) | bit(SQLITE_BLOB);
    case ColumnRule::KeyText:
        return types;
    }
    return types;
}

QString qstring(std::string_view text) {
    return QString::fromUtf8(text.data(), text.size());
}

} // namespace

TableScanner::TableScanner(SourceDatabase &source, const SourceTableInfo &info, KeyLayout layout)
    : m_source(source), m_info(info), m_definition(tableDefinition(info.table)), m_layout(layout),
      m_prefix(keyPrefix(info.table, layout)), m_grouped(!m_definition.groupColumn.empty()) {
    m_result.table = info.table;
    planColumns();
}

TableScanner::~TableScanner() = default;

void TableScanner::planColumns() {
    for (const QString &column : m_info.columns)
        m_columnNames.push_back(column.toStdString());
    m_width = m_columnNames.size() + 1;
    // Columns are found as SQLite finds them, without regard to ASCII case.
    const auto valueIndexOf = [&](std::string_view name) {
        for (size_t i = 0; i < m_columnNames.size(); ++i)
            if (sameSqlName(m_columnNames[i], name))
                return static_cast<int>(i) + 1;
        return -1;
    };
    const auto field = [&](std::string_view name, int valueIndex) {
        return OutputField{jsonKeyOf(name), "," + jsonKeyOf(std::string(name) + "_base64"),
                           valueIndex, std::string(name), false};
    };
    // Listed fields first, in the contract's spelling (null when absent), then every other column
    // in table order and its own spelling; the group column of ast_nodes is the key, not a field.
    for (const std::string_view name : m_definition.listedFields)
        m_valueFields.push_back(field(name, valueIndexOf(name)));
    for (size_t i = 0; i < m_columnNames.size(); ++i) {
        const std::string &name = m_columnNames[i];
        const auto &listed = m_definition.listedFields;
        const bool isListed = std::any_of(listed.begin(), listed.end(),
                                          [&](std::string_view l) { return sameSqlName(l, name); });
        if (!isListed && !(m_grouped && sameSqlName(name, m_definition.groupColumn)))
            m_valueFields.push_back(field(name, static_cast<int>(i) + 1));
    }
    for (size_t i = 0; i < m_columnNames.size(); ++i)
        m_rowFields.push_back(field(m_columnNames[i], static_cast<int>(i) + 1));
    // A repaired value's {name}_base64 sibling must not meet a column of that name, in any case.
    for (std::vector<OutputField> *fields : {&m_valueFields, &m_rowFields})
        for (OutputField &f : *fields)
            f.siblingTaken = std::any_of(fields->begin(), fields->end(), [&](const OutputField &o) {
                return sameSqlName(o.name, f.name + "_base64"); // one name to SQLite
            });
    for (const OutputField &f : m_valueFields)
        if (f.siblingTaken && f.valueIndex >= 0)
            m_siblingTakenIndexes.push_back(f.valueIndex);
    for (const ColumnConstraint &constraint : m_definition.constraints)
        m_checks.push_back(
            {constraint, valueIndexOf(constraint.column), passingTypesOf(constraint)});
    for (const std::string_view name : m_definition.keyColumns)
        m_keyIndexes.push_back(valueIndexOf(name));
    if (m_grouped)
        m_groupIndex = valueIndexOf(m_definition.groupColumn);
    m_idIndex = valueIndexOf("id");
}

QString TableScanner::selectSql() const {
    return selectSql(Order::Key);
}

QStringList TableScanner::storageOrderSql() const {
    if (!m_grouped || m_groupIndex < 0 || m_filter)
        return {};
    return {selectSql(Order::Storage), selectSql(Order::NullGroup)};
}

QString TableScanner::selectSql(Order order) const {
    // The row id by a name no column takes; every row read from the table itself, never through
    // an index, which may disagree with it (kv-format.md, "Names and shapes").
    const QString rowid = m_info.rowidName;
    QStringList columns{rowid};
    for (const std::string &name : m_columnNames)
        columns << quotedIdentifier(name);
    const QString table =
        quotedIdentifier(m_info.sqlName.toStdString()) + QStringLiteral(" NOT INDEXED");
    if (order == Order::Storage)
        return QStringLiteral("SELECT %1 FROM %2 ORDER BY %3")
            .arg(columns.join(QLatin1Char(',')), table, rowid);
    // Rows whose keys are equal must come out next to each other, the earliest rowid first.
    QStringList keyOrder;
    const auto has = [&](std::string_view name) {
        return std::any_of(m_columnNames.begin(), m_columnNames.end(),
                           [&](const std::string &c) { return sameSqlName(c, name); });
    };
    if (m_grouped) {
        if (has(m_definition.groupColumn))
            keyOrder << quotedIdentifier(std::string(m_definition.groupColumn));
        if (has("id"))
            keyOrder << QStringLiteral("\"id\"");
    } else {
        for (const std::string_view name : m_definition.keyColumns) {
            if (!has(name))
                continue;
            const auto rule =
                std::find_if(m_definition.constraints.begin(), m_definition.constraints.end(),
                             [&](const auto &c) { return c.column == name; })
                    ->rule;
            const QString column = quotedIdentifier(std::string(name));
            if (rule == ColumnRule::Integer)
                keyOrder << column;
            else if (rule == ColumnRule::KeyText)
                keyOrder << column + QStringLiteral(" COLLATE BINARY");
            else // 5 and '5' make the same key
                keyOrder << QStringLiteral("CAST(%1 AS TEXT) COLLATE BINARY").arg(column);
        }
    }
    keyOrder << rowid;
    QString where;
    const QString groupColumn = quotedIdentifier(std::string(m_definition.groupColumn));
    if (order == Order::NullGroup) // ?1: a JSON array of the rowids the storage-order read met
        where = QStringLiteral(" WHERE %1 IN (SELECT value FROM json_each(?1))").arg(rowid);
    else if (order == Order::Deferred) // ?1: a JSON array of group ids
        where = QStringLiteral(" WHERE %1 IN (SELECT value FROM json_each(?1))").arg(groupColumn);
    else if (m_filter)
        where = QStringLiteral(" WHERE ") + m_filter->where;
    if (m_grouped)
        return QStringLiteral("SELECT %1 FROM %2%3 ORDER BY %4")
            .arg(columns.join(QLatin1Char(',')), table, where, keyOrder.join(QLatin1Char(',')));
    // Rows of single-row tables hold the large values (a chunk's text): only their keys and rowids
    // are sorted, then each row is read by its rowid (still the table, not an index), in that
    // order. A sort of whole rows would cost half as much again as the read.
    QStringList keys;
    QStringList outerOrder;
    for (qsizetype i = 0; i < keyOrder.size(); ++i) {
        keys << QStringLiteral("%1 AS k%2").arg(keyOrder[i]).arg(i);
        outerOrder << QStringLiteral("k.k%1").arg(i);
    }
    QStringList qualified;
    for (const QString &column : columns)
        qualified << QStringLiteral("t.") + column;
    return QStringLiteral("SELECT %1 FROM (SELECT %2 AS r, %3 FROM %4%5 ORDER BY %6) AS k CROSS "
                          "JOIN %7 AS t NOT INDEXED ON t.%2 = k.r ORDER BY %8")
        .arg(qualified.join(QLatin1Char(',')), rowid, keys.join(QLatin1Char(',')), table, where,
             keyOrder.join(QLatin1Char(',')), quotedIdentifier(m_info.sqlName.toStdString()),
             outerOrder.join(QLatin1Char(',')));
}

int TableScanner::fillBatch(sqlite3_stmt *statement, RowBatch &batch) {
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

Status TableScanner::encodeBatch(const RowBatch &batch, KvSink &sink) {
    for (size_t r = 0; r < batch.rows; ++r) {
        m_row = &batch.values[r * m_width];
        ++m_rowsSeen;
        Status status;
        if (m_rowsAsFound) {
            m_value.clear();
            encodeObject(m_rowFields, m_value);
            status = sink.put(kvkey::reject(m_definition.name, m_row[0].integer), m_value);
        } else if (const auto violation = checkRow(batch.hasInfiniteReal)) {
            if (m_order == Order::Key || m_order == Order::Storage) // not again in a second pass
                status = reject(sink, *violation);
        } else if (m_order == Order::Storage) {
            status = carryStorageOrderRow(sink);
        } else
            status = m_grouped ? carryGroupedRow(sink) : carrySingleRow(sink);
        if (!status.isOk())
            return status;
    }
    return m_order == Order::Storage ? closeFinishedGroups(sink) : Status::ok();
}

// Whether every checked column holds a type that passes as it is: true for nearly every row.
bool TableScanner::passesChecksAtAGlance() const {
    for (const CheckedColumn &check : m_checks)
        if (check.valueIndex < 0 ? check.constraint.required
                                 : !(check.passingTypes >> m_row[check.valueIndex].type & 1u))
            return false;
    return true;
}

std::optional<TableScanner::Violation> TableScanner::checkRow(bool mayHoldInfiniteReal) const {
    if (!mayHoldInfiniteReal && m_siblingTakenIndexes.empty() && passesChecksAtAGlance())
        return std::nullopt;
    for (const CheckedColumn &check : m_checks) {
        // Names are made into QStrings only for a violation: this loop runs for every row.
        const auto column = [&] { return qstring(check.constraint.column); };
        if (check.valueIndex < 0) {
            if (check.constraint.required)
                return Violation{column(),
                                 QStringLiteral("the table has no %1 column").arg(column())};
            continue;
        }
        const SqlValue &value = m_row[check.valueIndex];
        if (value.type == SQLITE_NULL) {
            if (check.constraint.required)
                return Violation{column(),
                                 QStringLiteral("NULL in required column %1").arg(column())};
            continue;
        }
        const auto wrongType = [&](const char *expected) {
            return Violation{column(),
                             QStringLiteral("%1 holds %2, expected %3")
                                 .arg(column(), QLatin1String(storageClassName(value.type)),
                                      QLatin1String(expected))};
        };
        switch (check.constraint.rule) {
        case ColumnRule::Any:
            break;
        case ColumnRule::Integer:
            if (value.type != SQLITE_INTEGER)
                return wrongType("INTEGER");
            break;
        case ColumnRule::Text:
            if (value.type != SQLITE_TEXT && value.type != SQLITE_BLOB)
                return wrongType("TEXT");
            break;
        case ColumnRule::IntegerOrKey:
            if (value.type == SQLITE_INTEGER)
                break;
            [[fallthrough]];
        case ColumnRule::KeyText:
            if (value.type != SQLITE_TEXT)
                return wrongType(check.constraint.rule == ColumnRule::KeyText ? "TEXT"
                                                                              : "INTEGER or TEXT");
            if (!utf8::isValid(value.bytes))
                return Violation{column(),
                                 QStringLiteral("%1 is not valid UTF-8, and it is part of "
                                                "the key")
                                     .arg(column())};
            break;
        }
    }
    for (const int index : m_siblingTakenIndexes) {
        const SqlValue &value = m_row[index];
        if (value.type == SQLITE_BLOB ||
            (value.type == SQLITE_TEXT && !utf8::isValid(value.bytes))) {
            const QString column = QString::fromStdString(m_columnNames[index - 1]);
            return Violation{column, QStringLiteral("%1 needs a %1_base64 field for its exact "
                                                    "bytes, and that name is taken by a column")
                                         .arg(column)};
        }
    }
    for (size_t i = 1; i < m_width; ++i) {
        if (m_row[i].type == SQLITE_FLOAT && std::isinf(m_row[i].real)) {
            const QString column = QString::fromStdString(m_columnNames[i - 1]);
            return Violation{column, QStringLiteral("%1 holds an infinite REAL, which JSON cannot "
                                                    "represent")
                                         .arg(column)};
        }
    }
    return std::nullopt;
}

std::string TableScanner::singleRowKey() const {
    std::string key = m_prefix;
    for (size_t i = 0; i < m_keyIndexes.size(); ++i) {
        if (i > 0)
            key += ':';
        const SqlValue &value = m_row[m_keyIndexes[i]];
        if (value.type == SQLITE_INTEGER)
            JsonWriter::appendInt(value.integer, key);
        else if (m_definition.keyColumns[i] == "file_path")
            key += kvkey::escapePath(value.bytes);
        else
            key += value.bytes;
    }
    return key;
}

std::optional<std::int64_t> TableScanner::groupId() const {
    if (m_groupIndex < 0 || m_row[m_groupIndex].type == SQLITE_NULL)
        return std::nullopt;
    return m_row[m_groupIndex].integer;
}

void TableScanner::appendValue(const SqlValue &value, const OutputField &field, std::string &out) {
    switch (value.type) {
    case SQLITE_INTEGER:
        JsonWriter::appendInt(value.integer, out);
        return;
    case SQLITE_FLOAT:
        JsonWriter::appendDouble(value.real, out);
        return;
    case SQLITE_TEXT:
        if (utf8::isValid(value.bytes)) {
            JsonWriter::appendEscaped(value.bytes, out);
            return;
        }
        break;
    case SQLITE_BLOB:
        break;
    default:
        out += "null";
        return;
    }
    // Invalid UTF-8 or a BLOB: a readable string, and the exact bytes beside it.
    m_scratch.clear();
    utf8::appendRepaired(value.bytes, m_scratch);
    JsonWriter::appendEscaped(m_scratch, out);
    // Where a column takes the sibling's name (only ever in a reject's row: such a value rejects
    // its row), the bytes go to the reject's "row_base64" instead.
    std::string &into = field.siblingTaken ? m_movedBase64 : out;
    if (field.siblingTaken) {
        into += m_movedBase64.empty() ? "" : ",";
        into += field.jsonKey;
    } else {
        into += field.jsonBase64Key;
    }
    into += '"';
    into += QByteArray::fromRawData(value.bytes.data(), static_cast<qsizetype>(value.bytes.size()))
                .toBase64()
                .toStdString();
    into += '"';
    ++m_result.repairedValues;
}

void TableScanner::encodeObject(const std::vector<OutputField> &fields, std::string &out) {
    if (!encodePlainObject(fields, out))
        encodeObjectValueByValue(fields, out);
}

// Writes the row straight into a buffer sized once for its longest spelling, then appends it: the
// common case, at a fraction of the cost of appending value by value. False, with `out` left
// alone, for a row with a BLOB or text that is not UTF-8 (they need a _base64 field), or one too
// large for that buffer.
bool TableScanner::encodePlainObject(const std::vector<OutputField> &fields, std::string &out) {
    constexpr size_t nullRoom = 4;
    size_t room = 2;
    for (const OutputField &field : fields) {
        room += field.jsonKey.size() + 1;
        if (field.valueIndex < 0) {
            room += nullRoom;
            continue;
        }
        const SqlValue &value = m_row[field.valueIndex];
        switch (value.type) {
        case SQLITE_INTEGER:
            room += JsonWriter::intRoom;
            break;
        case SQLITE_FLOAT:
            room += JsonWriter::doubleRoom;
            break;
        case SQLITE_TEXT:
            if (!utf8::isValid(value.bytes))
                return false;
            room += JsonWriter::escapedRoom(value.bytes.size());
            break;
        case SQLITE_BLOB:
            return false;
        default:
            room += nullRoom;
        }
    }
    if (room > plainObjectRoom)
        return false;
    if (m_objectBuffer.size() < room)
        m_objectBuffer.resize(std::max(room, 2 * m_objectBuffer.size()));
    char *const begin = m_objectBuffer.data();
    char *at = begin;
    *at++ = '{';
    for (size_t i = 0; i < fields.size(); ++i) {
        const OutputField &field = fields[i];
        if (i > 0)
            *at++ = ',';
        std::memcpy(at, field.jsonKey.data(), field.jsonKey.size());
        at += field.jsonKey.size();
        const int type = field.valueIndex < 0 ? SQLITE_NULL : m_row[field.valueIndex].type;
        switch (type) {
        case SQLITE_INTEGER:
            at = JsonWriter::writeInt(m_row[field.valueIndex].integer, at);
            break;
        case SQLITE_FLOAT:
            at = JsonWriter::writeDouble(m_row[field.valueIndex].real, at);
            break;
        case SQLITE_TEXT:
            at = JsonWriter::writeEscaped(m_row[field.valueIndex].bytes, at);
            break;
        default:
            std::memcpy(at, "null", nullRoom);
            at += nullRoom;
        }
    }
    *at++ = '}';
    out.append(begin, static_cast<size_t>(at - begin));
    return true;
}

void TableScanner::encodeObjectValueByValue(const std::vector<OutputField> &fields,
                                            std::string &out) {
    static const SqlValue null;
    out += '{';
    for (size_t i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out += ',';
        out += fields[i].jsonKey;
        appendValue(fields[i].valueIndex < 0 ? null : m_row[fields[i].valueIndex], fields[i], out);
    }
    out += '}';
}

Status TableScanner::reject(KvSink &sink, const Violation &violation) {
    const qint64 rowid = m_row[0].integer;
    std::string row;
    m_movedBase64.clear();
    encodeObject(m_rowFields, row);
    const std::string key = kvkey::reject(m_definition.name, rowid);
    std::string value;
    JsonWriter writer(value);
    writer.beginObject();
    writer.key("reason");
    writer.stringValue(violation.reason.toStdString());
    writer.key("column");
    writer.stringValue(violation.column.toStdString());
    writer.key("row");
    writer.rawValue(row);
    if (!m_movedBase64.empty()) {
        writer.key("row_base64");
        writer.rawValue("{" + m_movedBase64 + "}");
    }
    writer.endObject();
    m_result.checksum.add(key, row);
    ++m_result.rejectedRows;
    if (m_result.rejects.size() < listedRejectLimit)
        m_result.rejects.push_back({m_info.table, rowid, violation.column, violation.reason});
    return sink.put(key, value);
}

Status TableScanner::carrySingleRow(KvSink &sink) {
    std::string key = singleRowKey();
    if (m_result.keysWritten > 0 && key == m_previousKey) {
        QStringList columns;
        for (const std::string_view name : m_definition.keyColumns)
            columns << qstring(name);
        return reject(sink, {columns.join(QLatin1Char(',')),
                             QStringLiteral("duplicate key %1: already taken by row %2")
                                 .arg(QString::fromStdString(key))
                                 .arg(m_previousRowid)});
    }
    m_value.clear();
    encodeObject(m_valueFields, m_value);
    m_result.checksum.add(key, m_value);
    ++m_result.keysWritten;
    ++m_result.recordsCarried;
    m_previousKey = std::move(key);
    m_previousRowid = m_row[0].integer;
    return sink.put(m_previousKey, m_value);
}

Status TableScanner::carryGroupedRow(KvSink &sink) {
    const std::optional<std::int64_t> group = groupId();
    if (!m_groupOpen || group != m_group) {
        if (Status status = closeGroup(sink); !status.isOk())
            return status;
        m_groupOpen = true;
        m_group = group;
        m_groupKey = kvkey::group(m_prefix, group);
        m_value.assign(1, '[');
    } else {
        m_value += ',';
    }
    const size_t start = m_value.size();
    encodeObject(m_valueFields, m_value);
    m_result.checksum.add(m_groupKey, std::string_view(m_value).substr(start));
    ++m_result.recordsCarried;
    return Status::ok();
}

Status TableScanner::closeGroup(KvSink &sink) {
    if (!m_groupOpen)
        return Status::ok();
    m_groupOpen = false;
    m_value += ']';
    ++m_result.keysWritten;
    return sink.put(m_groupKey, m_value);
}

Status TableScanner::stepError(int rc) const {
    return m_source.sqliteError(rc, QStringLiteral("reading %1: %2")
                                        .arg(tableName(m_info.table),
                                             QString::fromUtf8(sqlite3_errmsg(m_source.handle()))));
}

Status TableScanner::afterBatch(size_t rows, ProgressObserver *observer) {
    // A second pass reads rows the first one counted and reported: it only looks for a cancel.
    if (m_order == Order::Key || m_order == Order::Storage) {
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

// A damaged b-tree can give a page twice (and then, most likely, miss another): in storage order
// each rowid must be above the one before; in key order a row given twice comes out next to
// itself (same key, same rowid), so no rowid may follow itself.
Status TableScanner::checkRowids(const RowBatch &batch) {
    const bool storageOrder = m_order == Order::Storage;
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

Status TableScanner::readAll(sqlite3_stmt *statement, KvSink &sink, ProgressObserver *observer) {
    RowBatch batch;
    int rc = SQLITE_ROW;
    while (rc == SQLITE_ROW) {
        rc = fillBatch(statement, batch);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return stepError(rc);
        if (Status status = checkRowids(batch); !status.isOk())
            return status;
        if (Status status = encodeBatch(batch, sink); !status.isOk())
            return status;
        if (Status status = afterBatch(batch.rows, observer); !status.isOk())
            return status;
    }
    return Status::ok();
}

Status TableScanner::readAllPipelined(sqlite3_stmt *statement, KvSink &sink,
                                      ProgressObserver *observer) {
    BatchPipe<RowBatch> pipe(batchesInFlight);
    Status encoded; // written by the encoder, read after it is joined
    PipeConsumerThread<RowBatch> encoder(pipe, [&] {
        while (std::unique_ptr<RowBatch> batch = pipe.pop()) {
            encoded = encodeBatch(*batch, sink);
            pipe.recycle(std::move(batch));
            if (!encoded.isOk()) {
                pipe.close();
                return;
            }
        }
    });
    Status read;
    int rc = SQLITE_ROW;
    while (rc == SQLITE_ROW) {
        std::unique_ptr<RowBatch> batch = pipe.emptyBatch();
        if (!batch) // the encoder stopped on an error
            break;
        rc = fillBatch(statement, *batch);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
            read = stepError(rc);
            break;
        }
        if (read = checkRowids(*batch); !read.isOk())
            break;
        const size_t rows = batch->rows;
        if (!pipe.push(std::move(batch)))
            break;
        if (read = afterBatch(rows, observer); !read.isOk())
            break;
    }
    encoder.stop(read.isOk());
    return encoded.isOk() ? read : encoded;
}

Status TableScanner::carryStorageOrderRow(KvSink &sink) {
    const std::optional<std::int64_t> group = groupId();
    if (!group) {
        m_nullGroupRowids.push_back(m_row[0].integer);
        return deferRows(1); // the NULL group's rows are spread out: read them by key
    }
    const std::int64_t id = m_idIndex >= 0 ? m_row[m_idIndex].integer : 0; // checked: an integer
    auto open = m_openGroups.find(*group);
    if (open == m_openGroups.end()) {
        if (m_deferredGroups.contains(*group))
            return deferRows(1);
        if (const auto written = m_writtenGroups.find(*group); written != m_writtenGroups.end()) {
            // More of a group already written: take its share back and read it all by key.
            const GroupShare share = written->second;
            m_writtenGroups.erase(written);
            m_result.checksum.subtract(share.checksum);
            --m_result.keysWritten;
            m_result.keysPutAgain = true; // the second pass puts its whole value again
            return deferGroup(*group, static_cast<qint64>(share.checksum.rows), share.repaired);
        }
        if (Status status = closeIdlestGroups(group, openGroupLimit - 1, openGroupBytes, sink);
            !status.isOk())
            return status;
        open = m_openGroups.emplace(*group, OpenGroup{}).first;
        open->second.key = kvkey::group(m_prefix, group);
        open->second.checksum.setKey(open->second.key);
        if (!m_spareValues.empty()) { // a buffer that has grown already: no reallocations
            open->second.value = std::move(m_spareValues.back());
            open->second.value.clear();
            m_spareValues.pop_back();
        }
    } else if (m_idIndex >= 0 && id <= open->second.lastId) {
        // Ids fall within the group, so storage order is not its order: read it by key.
        const OpenGroup &dropped = open->second;
        const auto records = static_cast<qint64>(dropped.checksum.rows());
        const qint64 repaired = dropped.repaired;
        m_openBytes -= dropped.value.size();
        m_openGroups.erase(open);
        return deferGroup(*group, records, repaired);
    }
    OpenGroup &into = open->second;
    const size_t sizeBefore = into.value.size();
    into.value += sizeBefore == 0 ? '[' : ',';
    const size_t start = into.value.size();
    const qint64 repairedBefore = m_result.repairedValues;
    encodeObject(m_valueFields, into.value);
    into.checksum.add(std::string_view(into.value).substr(start));
    into.repaired += m_result.repairedValues - repairedBefore;
    ++m_result.recordsCarried;
    into.lastId = id;
    into.lastSeen = m_rowsSeen;
    m_openBytes += into.value.size() - sizeBefore;
    return m_openBytes > openGroupBytes
               ? closeIdlestGroups(group, openGroupLimit, openGroupBytes, sink)
               : Status::ok();
}

Status TableScanner::closeOpenGroup(std::int64_t group, KvSink &sink) {
    const auto open = m_openGroups.find(group);
    OpenGroup &closing = open->second;
    m_openBytes -= closing.value.size();
    closing.value += ']';
    ++m_result.keysWritten;
    m_result.checksum.merge(closing.checksum);
    m_writtenGroups[group] = {closing.repaired, closing.checksum.sum()};
    const Status status = sink.put(closing.key, closing.value);
    if (closing.value.capacity() <= spareValueBytes && m_spareValues.size() < spareValues)
        m_spareValues.push_back(std::move(closing.value));
    m_openGroups.erase(open);
    return status;
}

// Writes the open groups seen longest ago, other than `keep`, until at most `limit` are open
// and their values take at most `bytes`.
Status TableScanner::closeIdlestGroups(std::optional<std::int64_t> keep, size_t limit, size_t bytes,
                                       KvSink &sink) {
    while (m_openGroups.size() > limit || m_openBytes > bytes) {
        const OpenGroup *idlest = nullptr;
        std::int64_t idlestGroup = 0;
        for (const auto &[group, open] : m_openGroups)
            if (group != keep && (!idlest || open.lastSeen < idlest->lastSeen)) {
                idlest = &open;
                idlestGroup = group;
            }
        if (!idlest)
            return Status::ok();
        if (Status status = closeOpenGroup(idlestGroup, sink); !status.isOk())
            return status;
    }
    return Status::ok();
}

// Writes the open groups with no row among the last `finishedAfterRows`: done, most likely.
Status TableScanner::closeFinishedGroups(KvSink &sink) {
    std::vector<std::int64_t> finished;
    for (const auto &[group, open] : m_openGroups)
        if (m_rowsSeen - open.lastSeen > finishedAfterRows)
            finished.push_back(group);
    std::sort(finished.begin(), finished.end()); // a deterministic order of puts
    for (const std::int64_t group : finished)
        if (Status status = closeOpenGroup(group, sink); !status.isOk())
            return status;
    return Status::ok();
}

// Leaves `group` for the second pass: the records and repaired values it carried so far are
// taken back, and they and the row at hand are left for that pass.
Status TableScanner::deferGroup(std::int64_t group, qint64 recordsTakenBack,
                                qint64 repairedTakenBack) {
    m_result.recordsCarried -= recordsTakenBack;
    m_result.repairedValues -= repairedTakenBack;
    m_deferredGroups.insert(group);
    return deferRows(recordsTakenBack + 1);
}

Status TableScanner::deferRows(qint64 rows) {
    m_deferredRows += rows;
    if (m_deferredRows > scatteredRowsMinimum && m_deferredRows * 4 > m_rowsSeen) {
        m_tooScattered = true;
        return Status::internal(
            QStringLiteral("%1: too many rows out of storage order").arg(tableName(m_info.table)));
    }
    return Status::ok();
}

void TableScanner::resetScan(Order order) {
    m_order = order;
    m_result = TableScanResult{};
    m_result.table = m_info.table;
    m_rowsRead = 0;
    m_rowsSeen = 0;
    m_groupOpen = false;
    m_openGroups.clear();
    m_openBytes = 0;
    m_writtenGroups.clear();
    m_deferredGroups.clear();
    m_deferredRows = 0;
    m_nullGroupRowids.clear();
    m_tooScattered = false;
}

Status TableScanner::scan(Order order, KvSink &sink, ProgressObserver *observer) {
    const QByteArray sql = selectSql(order).toUtf8();
    sqlite3_stmt *statement = nullptr;
    int rc = sqlite3_prepare_v2(m_source.handle(), sql.constData(), static_cast<int>(sql.size()),
                                &statement, nullptr);
    if (rc != SQLITE_OK)
        return stepError(rc);
    const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt *)> guard(statement, sqlite3_finalize);
    m_order = order;
    m_lastRowid.reset();
    if (order == Order::Deferred || order == Order::NullGroup) {
        // The NULL group's rows by their rowids, read one by one from the table: a scan of the
        // whole table for them would cost as much as the first read.
        std::string ids = "[";
        const auto append = [&](std::int64_t id) {
            if (ids.size() > 1)
                ids += ',';
            JsonWriter::appendInt(id, ids);
        };
        if (order == Order::Deferred)
            std::for_each(m_deferredGroups.begin(), m_deferredGroups.end(), append);
        else
            std::for_each(m_nullGroupRowids.begin(), m_nullGroupRowids.end(), append);
        ids += ']';
        sqlite3_bind_text(statement, 1, ids.data(), static_cast<int>(ids.size()), SQLITE_TRANSIENT);
    }
    if (order == Order::NullGroup || order == Order::Deferred) {
        // A second pass, by key: each value replaces what the first pass wrote. That pass counted
        // these rows as read and rejected the faulty ones, so this one only carries.
        if (Status status = readAll(statement, sink, observer); !status.isOk())
            return status;
        return closeGroup(sink);
    }
    if (m_filter && order == Order::Key) {
        for (size_t i = 0; i < m_filter->params.size(); ++i) {
            const int index = static_cast<int>(i) + 1;
            const RowFilter::Param &param = m_filter->params[i];
            if (const auto *integer = std::get_if<std::int64_t>(&param))
                sqlite3_bind_int64(statement, index, *integer);
            else if (const auto *text = std::get_if<std::string>(&param))
                sqlite3_bind_text(statement, index, text->data(), static_cast<int>(text->size()),
                                  SQLITE_TRANSIENT);
            else
                sqlite3_bind_null(statement, index);
        }
    }
    return m_pipelined ? readAllPipelined(statement, sink, observer)
                       : readAll(statement, sink, observer);
}

Result<TableScanResult> TableScanner::run(KvSink &sink, ProgressObserver *observer) {
    QElapsedTimer timer;
    timer.start();
    if (observer)
        observer->tableProgress(MigrationPhase::Scanning, m_info.table, 0, m_info.rows);
    bool scanned = false;
    if (!storageOrderSql().isEmpty()) {
        Status status = scanInStorageOrder(sink, observer);
        if (!status.isOk() && !m_tooScattered)
            return status;
        scanned = status.isOk(); // else: read it all again, by key
    }
    if (!scanned) {
        const bool putBefore = m_order != Order::Key; // the storage-order attempt put some keys
        resetScan(Order::Key);
        m_result.keysPutAgain = putBefore;
        if (Status status = scan(Order::Key, sink, observer); !status.isOk())
            return status;
        if (Status closed = closeGroup(sink); !closed.isOk())
            return closed;
    }
    m_result.rowsRead = m_rowsRead;
    if (observer)
        observer->tableProgress(MigrationPhase::Scanning, m_info.table, m_result.rowsRead,
                                m_result.rowsRead);
    m_result.seconds = timer.nsecsElapsed() / 1e9;
    return m_result;
}

Status TableScanner::scanInStorageOrder(KvSink &sink, ProgressObserver *observer) {
    resetScan(Order::Storage);
    if (Status status = scan(Order::Storage, sink, observer); !status.isOk())
        return status;
    // Write what is still open, earliest seen first; then read the rest by key.
    if (Status status = closeIdlestGroups(std::nullopt, 0, 0, sink); !status.isOk())
        return status;
    m_writtenGroups = {};
    if (m_deferredRows == 0)
        return Status::ok();
    const qint64 carriedBefore = m_result.recordsCarried;
    if (!m_nullGroupRowids.empty())
        if (Status status = scan(Order::NullGroup, sink, observer); !status.isOk())
            return status;
    if (!m_deferredGroups.empty())
        if (Status status = scan(Order::Deferred, sink, observer); !status.isOk())
            return status;
    const qint64 carried = m_result.recordsCarried - carriedBefore;
    if (carried != m_deferredRows) // the snapshot makes this impossible
        return Status::internal(
            QStringLiteral("%1: %2 rows were left for a second pass, which carried %3")
                .arg(tableName(m_info.table))
                .arg(m_deferredRows)
                .arg(carried));
    return Status::ok();
}

} // namespace magellan
