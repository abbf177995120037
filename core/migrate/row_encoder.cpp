#include "migrate/row_encoder.h"

#include "format/json_writer.h"
#include "format/utf8.h"

#include <QByteArray>
#include <QStringList>

#include <sqlite3.h>

#include <algorithm>
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
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

} // namespace

RowEncoder::RowEncoder(const SourceTableInfo &info, KeyLayout layout)
    : m_table(info.table), m_definition(tableDefinition(info.table)),
      m_prefix(kvkey::prefix(info.table, layout)), m_grouped(!m_definition.groupColumn.empty()) {
    planColumns(info);
}

void RowEncoder::planColumns(const SourceTableInfo &info) {
    for (const QString &column : info.columns)
        m_columnNames.push_back(column.toStdString());
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

// Whether every checked column holds a type that passes as it is: true for nearly every row.
bool RowEncoder::passesChecksAtAGlance(const SqlValue *row) const {
    for (const CheckedColumn &check : m_checks)
        if (check.valueIndex < 0 ? check.constraint.required
                                 : !(check.passingTypes >> row[check.valueIndex].type & 1u))
            return false;
    return true;
}

std::optional<RowViolation> RowEncoder::checkColumn(const CheckedColumn &check,
                                                    const SqlValue &value) const {
    // Names are made into QStrings only for a violation: this runs for every row.
    const auto column = [&] { return qstring(check.constraint.column); };
    if (value.type == SQLITE_NULL) {
        if (check.constraint.required)
            return RowViolation{column(),
                                QStringLiteral("NULL in required column %1").arg(column())};
        return std::nullopt;
    }
    const auto wrongType = [&](const char *expected) {
        return RowViolation{column(),
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
            return RowViolation{
                column(),
                QStringLiteral("%1 is not valid UTF-8, and it is part of the key").arg(column())};
        break;
    }
    return std::nullopt;
}

std::optional<RowViolation> RowEncoder::check(const SqlValue *row, bool mayHoldInfiniteReal) const {
    if (!mayHoldInfiniteReal && m_siblingTakenIndexes.empty() && passesChecksAtAGlance(row))
        return std::nullopt;
    for (const CheckedColumn &check : m_checks) {
        if (check.valueIndex < 0) {
            if (check.constraint.required)
                return RowViolation{qstring(check.constraint.column),
                                    QStringLiteral("the table has no %1 column")
                                        .arg(qstring(check.constraint.column))};
            continue;
        }
        if (auto violation = checkColumn(check, row[check.valueIndex]))
            return violation;
    }
    for (const int index : m_siblingTakenIndexes) {
        const SqlValue &value = row[index];
        if (value.type == SQLITE_BLOB ||
            (value.type == SQLITE_TEXT && !utf8::isValid(value.bytes))) {
            const QString column = QString::fromStdString(m_columnNames[index - 1]);
            return RowViolation{column, QStringLiteral("%1 needs a %1_base64 field for its exact "
                                                       "bytes, and that name is taken by a column")
                                            .arg(column)};
        }
    }
    for (size_t i = 1; i <= m_columnNames.size(); ++i) {
        if (row[i].type == SQLITE_FLOAT && std::isinf(row[i].real)) {
            const QString column = QString::fromStdString(m_columnNames[i - 1]);
            return RowViolation{column, QStringLiteral("%1 holds an infinite REAL, which JSON "
                                                       "cannot represent")
                                            .arg(column)};
        }
    }
    return std::nullopt;
}

std::string RowEncoder::singleRowKey(const SqlValue *row) const {
    std::string key = m_prefix;
    for (size_t i = 0; i < m_keyIndexes.size(); ++i) {
        if (i > 0)
            key += ':';
        const SqlValue &value = row[m_keyIndexes[i]];
        if (value.type == SQLITE_INTEGER)
            JsonWriter::appendInt(value.integer, key);
        else if (m_definition.keyColumns[i] == "file_path")
            key += kvkey::escapePath(value.bytes);
        else
            key += value.bytes;
    }
    return key;
}

std::optional<std::int64_t> RowEncoder::groupId(const SqlValue *row) const {
    if (m_groupIndex < 0 || row[m_groupIndex].type == SQLITE_NULL)
        return std::nullopt;
    return row[m_groupIndex].integer;
}

std::string RowEncoder::groupKey(std::optional<std::int64_t> group) const {
    return kvkey::group(m_prefix, group);
}

QString RowEncoder::keyColumnsLabel() const {
    QStringList columns;
    for (const std::string_view name : m_definition.keyColumns)
        columns << qstring(name);
    return columns.join(QLatin1Char(','));
}

qint64 RowEncoder::appendValue(const SqlValue *row, std::string &out) {
    return appendObject(row, m_valueFields, out);
}

qint64 RowEncoder::appendRowAsFound(const SqlValue *row, std::string &out) {
    m_movedBase64.clear();
    return appendObject(row, m_rowFields, out);
}

EncodedReject RowEncoder::encodeReject(const SqlValue *row, const RowViolation &violation) {
    EncodedReject reject;
    reject.key = kvkey::reject(m_definition.name, row[0].integer);
    reject.repaired = appendRowAsFound(row, reject.row);
    JsonWriter writer(reject.value);
    writer.beginObject();
    writer.key("reason");
    writer.stringValue(violation.reason.toStdString());
    writer.key("column");
    writer.stringValue(violation.column.toStdString());
    writer.key("row");
    writer.rawValue(reject.row);
    if (!m_movedBase64.empty()) {
        writer.key("row_base64");
        writer.rawValue("{" + m_movedBase64 + "}");
    }
    writer.endObject();
    return reject;
}

qint64 RowEncoder::appendObject(const SqlValue *row, const std::vector<OutputField> &fields,
                                std::string &out) {
    m_lastRepairs.clear();
    return appendPlainObject(row, fields, out) ? 0 : appendObjectValueByValue(row, fields, out);
}

// Writes the row straight into a buffer sized once for its longest spelling, then appends it: the
// common case, at a fraction of the cost of appending value by value. False, with `out` left
// alone, for a row with a BLOB or text that is not UTF-8 (they need a _base64 field), or one too
// large for that buffer.
bool RowEncoder::appendPlainObject(const SqlValue *row, const std::vector<OutputField> &fields,
                                   std::string &out) {
    constexpr size_t nullRoom = 4;
    size_t room = 2;
    for (const OutputField &field : fields) {
        room += field.jsonKey.size() + 1;
        if (field.valueIndex < 0) {
            room += nullRoom;
            continue;
        }
        const SqlValue &value = row[field.valueIndex];
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
        const int type = field.valueIndex < 0 ? SQLITE_NULL : row[field.valueIndex].type;
        switch (type) {
        case SQLITE_INTEGER:
            at = JsonWriter::writeInt(row[field.valueIndex].integer, at);
            break;
        case SQLITE_FLOAT:
            at = JsonWriter::writeDouble(row[field.valueIndex].real, at);
            break;
        case SQLITE_TEXT:
            at = JsonWriter::writeEscaped(row[field.valueIndex].bytes, at);
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

qint64 RowEncoder::appendObjectValueByValue(const SqlValue *row,
                                            const std::vector<OutputField> &fields,
                                            std::string &out) {
    static const SqlValue null;
    qint64 repaired = 0;
    out += '{';
    for (size_t i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out += ',';
        out += fields[i].jsonKey;
        if (appendField(fields[i].valueIndex < 0 ? null : row[fields[i].valueIndex], fields[i],
                        out))
            ++repaired;
    }
    out += '}';
    return repaired;
}

// Appends one value; true when it was repaired (a readable string and its exact bytes beside it).
bool RowEncoder::appendField(const SqlValue &value, const OutputField &field, std::string &out) {
    switch (value.type) {
    case SQLITE_INTEGER:
        JsonWriter::appendInt(value.integer, out);
        return false;
    case SQLITE_FLOAT:
        JsonWriter::appendDouble(value.real, out);
        return false;
    case SQLITE_TEXT:
        if (utf8::isValid(value.bytes)) {
            JsonWriter::appendEscaped(value.bytes, out);
            return false;
        }
        break;
    case SQLITE_BLOB:
        break;
    default:
        out += "null";
        return false;
    }
    // Invalid UTF-8 or a BLOB: a readable string, and the exact bytes beside it.
    m_lastRepairs.push_back({field.name, value.type == SQLITE_BLOB});
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
    return true;
}

} // namespace magellan
