#pragma once

#include "format/key_codec.h"
#include "source/row_batch.h"
#include "source/source_database.h"

#include <QString>

#include <optional>
#include <string>
#include <vector>

namespace magellan {

// Why a row cannot be carried: the column at fault and the reason, as its reject says them.
struct RowViolation {
    QString column;
    QString reason;
};

// A value written as a readable string with its exact bytes beside it ({column}_base64).
struct RepairedColumn {
    std::string column; // as written in the value
    bool blob = false;  // a BLOB; else TEXT that is not valid UTF-8
};

// A reject entry: reject:{table}:{rowid} with the reason and the row as found.
struct EncodedReject {
    std::string key;
    std::string value;
    std::string row;     // the "row" object alone: what the checksum adds
    qint64 repaired = 0; // values of the row written with their exact bytes beside them
};

// Spells source rows of one table as kv-format.md defines them: the checks a row must pass, its
// key, its value, its reject and the repair of bytes JSON cannot hold. Holds the table's plan
// and reusable buffers, nothing of a scan: one per thread that encodes (the encoder thread).
class RowEncoder {
public:
    static constexpr size_t plainObjectRoom = 1 << 20; // larger rows are encoded value by value

    // REQUIRES: `info.exists`; rows given to it have `info`'s width (rowid, then its columns).
    RowEncoder(const SourceTableInfo &info, KeyLayout layout);

    SourceTable table() const { return m_table; }
    bool grouped() const { return m_grouped; }
    const std::string &prefix() const { return m_prefix; }
    bool hasIdColumn() const { return m_idIndex >= 0; }
    // The row's id. REQUIRES: hasIdColumn() and the row passed check() (an integer).
    std::int64_t id(const SqlValue *row) const { return row[m_idIndex].integer; }

    // The first rule of the contract the row breaks; nullopt for a row to carry.
    // `mayHoldInfiniteReal` false lets the common row pass at a glance.
    std::optional<RowViolation> check(const SqlValue *row, bool mayHoldInfiniteReal) const;
    // Single-row tables: the row's key. REQUIRES: the row passed check().
    std::string singleRowKey(const SqlValue *row) const;
    // Grouped tables: the row's group id; nullopt for the NULL group (or no group column).
    std::optional<std::int64_t> groupId(const SqlValue *row) const;
    // The key a group id goes under.
    std::string groupKey(std::optional<std::int64_t> group) const;
    // "file_path,byte_start,byte_end": the key columns, as a duplicate key's reject names them.
    QString keyColumnsLabel() const;

    // Appends the row's value object to `out`. Returns how many values it repaired.
    qint64 appendValue(const SqlValue *row, std::string &out);
    // Appends every column of the row as found, in table order (a reject's "row"). Returns how
    // many values it repaired.
    qint64 appendRowAsFound(const SqlValue *row, std::string &out);
    // The reject entry for a row that breaks `violation`.
    EncodedReject encodeReject(const SqlValue *row, const RowViolation &violation);
    // The values the last appendValue/appendRowAsFound/encodeReject repaired, in field order.
    const std::vector<RepairedColumn> &lastRepairs() const { return m_lastRepairs; }

private:
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

    void planColumns(const SourceTableInfo &info);
    bool passesChecksAtAGlance(const SqlValue *row) const;
    std::optional<RowViolation> checkColumn(const CheckedColumn &check,
                                            const SqlValue &value) const;
    qint64 appendObject(const SqlValue *row, const std::vector<OutputField> &fields,
                        std::string &out);
    bool appendPlainObject(const SqlValue *row, const std::vector<OutputField> &fields,
                           std::string &out);
    qint64 appendObjectValueByValue(const SqlValue *row, const std::vector<OutputField> &fields,
                                    std::string &out);
    bool appendField(const SqlValue &value, const OutputField &field, std::string &out);

    const SourceTable m_table;
    const TableDefinition &m_definition;
    const std::string m_prefix;
    const bool m_grouped;
    std::vector<std::string> m_columnNames; // real columns, table order
    std::vector<OutputField> m_valueFields; // the value's fields, in the contract's order
    std::vector<OutputField> m_rowFields;   // every column as found, for rejects
    std::vector<CheckedColumn> m_checks;
    std::vector<int> m_keyIndexes; // single-row tables: key columns' indexes into a row's values
    std::vector<int> m_siblingTakenIndexes; // value fields whose repair has no name to go by
    int m_groupIndex = -1;
    int m_idIndex = -1;

    // Reused between rows, so that encoding allocates nothing in the common case.
    std::string m_scratch;
    std::string m_objectBuffer;
    std::string m_movedBase64; // a reject's row: repairs whose sibling name is taken, as fields
    std::vector<RepairedColumn> m_lastRepairs;
};

} // namespace magellan
