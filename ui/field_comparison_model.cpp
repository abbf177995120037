#include "field_comparison_model.h"

#include <QBrush>
#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <tuple>

namespace magellan {
namespace {

using Json = nlohmann::ordered_json;

constexpr qsizetype toolTipCharacters = 2000; // of a long value shown whole in its tooltip

// A record's fields by name, in its order; a value that is not an object is one field, "(value)".
std::vector<std::pair<QString, const Json *>> fieldsOf(const Json &record) {
    std::vector<std::pair<QString, const Json *>> fields;
    if (!record.is_object()) {
        fields.emplace_back(QObject::tr("(value)"), &record);
        return fields;
    }
    for (auto it = record.begin(); it != record.end(); ++it)
        fields.emplace_back(QString::fromStdString(it.key()), &it.value());
    return fields;
}

QString jsonText(const Json &value) {
    return QString::fromStdString(value.dump(-1, ' ', false, Json::error_handler_t::replace));
}

// What a side's value is compared by: a string's text, else its JSON.
QString comparedText(const Json &value) {
    return value.is_string() ? QString::fromStdString(value.get_ref<const std::string &>())
                             : jsonText(value);
}

const Json *fieldNamed(const std::vector<std::pair<QString, const Json *>> &fields,
                       const QString &name) {
    const auto found = std::find_if(fields.begin(), fields.end(),
                                    [&](const auto &field) { return field.first == name; });
    return found == fields.end() ? nullptr : found->second;
}

// The first `length` UTF-16 units of `text` and "…", never half a surrogate pair.
QString cut(const QString &text, qsizetype length) {
    if (text.size() <= length)
        return text;
    if (text.at(length - 1).isHighSurrogate())
        --length;
    return text.left(length) + QStringLiteral("…");
}

} // namespace

FieldComparisonModel::FieldComparisonModel(QObject *parent)
    : QAbstractItemModel(parent), m_colours(statusColours(QGuiApplication::palette())) {}

FieldComparisonModel::RecordRow FieldComparisonModel::recordRow(const RecordComparison &record) {
    RecordRow row;
    row.label = record.label;
    row.matches = record.matches;
    row.inSource = !record.source.empty();
    row.inStore = !record.store.empty();
    row.sourceJson = record.source;
    row.storeJson = record.store;
    if (!row.matches)
        splitFields(row); // its label counts the fields that differ
    return row;
}

void FieldComparisonModel::splitFields(const RecordRow &row) {
    if (row.split)
        return;
    row.split = true;
    const Json source = row.inSource ? Json::parse(row.sourceJson, nullptr, false) : Json();
    const Json store = row.inStore ? Json::parse(row.storeJson, nullptr, false) : Json();
    row.sourceJson = {};
    row.storeJson = {};
    const auto sourceFields = row.inSource ? fieldsOf(source) : decltype(fieldsOf(source))();
    const auto storeFields = row.inStore ? fieldsOf(store) : decltype(fieldsOf(store))();
    const auto add = [&](const QString &name, const Json *fromSource, const Json *fromStore) {
        FieldRow field;
        field.name = name;
        if (fromSource)
            field.source = jsonText(*fromSource);
        if (fromStore)
            field.store = jsonText(*fromStore);
        field.differs = !fromSource || !fromStore || *field.source != *field.store;
        if (field.differs && fromSource && fromStore) {
            const bool strings = fromSource->is_string() && fromStore->is_string();
            field.difference =
                strings ? firstDifference(comparedText(*fromSource), comparedText(*fromStore))
                        : firstDifference(*field.source, *field.store);
        }
        row.fields.push_back(std::move(field));
    };
    for (const auto &[name, value] : sourceFields)
        add(name, value, fieldNamed(storeFields, name));
    for (const auto &[name, value] : storeFields)
        if (!fieldNamed(sourceFields, name))
            add(name, nullptr, value);
}

const std::vector<int> &FieldComparisonModel::shownFields(const RecordRow &record) const {
    if (!record.shownKnown) {
        splitFields(record);
        record.shown.clear();
        for (int f = 0; f < static_cast<int>(record.fields.size()); ++f)
            if (!m_differencesOnly || record.fields[static_cast<size_t>(f)].differs)
                record.shown.push_back(f);
        record.shownKnown = true;
    }
    return record.shown;
}

void FieldComparisonModel::setRecords(const std::vector<RecordComparison> &records) {
    beginResetModel();
    m_records.clear();
    m_records.reserve(records.size());
    for (const RecordComparison &record : records)
        m_records.push_back(recordRow(record));
    updateShown();
    endResetModel();
}

void FieldComparisonModel::clear() {
    setRecords({});
}

void FieldComparisonModel::setDifferencesOnly(bool on) {
    if (on == m_differencesOnly)
        return;
    beginResetModel();
    m_differencesOnly = on;
    updateShown();
    endResetModel();
}

void FieldComparisonModel::setColours(const StatusColours &colours) {
    m_colours = colours;
    if (!m_shown.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
                           {Qt::ForegroundRole});
    for (int row = 0; row < rowCount(); ++row) {
        const RecordRow &record = m_records[static_cast<size_t>(m_shown[static_cast<size_t>(row)])];
        if (!record.shownKnown || record.shown.empty())
            continue; // never shown yet: it will be drawn in the new colours
        Q_EMIT dataChanged(
            index(0, 0, index(row, 0)),
            index(static_cast<int>(record.shown.size()) - 1, ColumnCount - 1, index(row, 0)),
            {Qt::ForegroundRole});
    }
}

void FieldComparisonModel::updateShown() {
    m_shown.clear();
    for (int r = 0; r < static_cast<int>(m_records.size()); ++r) {
        const RecordRow &record = m_records[static_cast<size_t>(r)];
        record.shownKnown = false;
        if (!m_differencesOnly || !record.matches)
            m_shown.push_back(r);
    }
}

int FieldComparisonModel::differingRecords() const {
    return static_cast<int>(std::count_if(m_records.begin(), m_records.end(),
                                          [](const RecordRow &r) { return !r.matches; }));
}

const FieldComparisonModel::RecordRow *
FieldComparisonModel::recordAt(const QModelIndex &index) const {
    // A record's index has id 0; a field's has its record's display row + 1.
    const int row =
        index.internalId() == 0 ? index.row() : static_cast<int>(index.internalId()) - 1;
    if (row < 0 || row >= static_cast<int>(m_shown.size()))
        return nullptr;
    return &m_records[static_cast<size_t>(m_shown[static_cast<size_t>(row)])];
}

QModelIndex FieldComparisonModel::index(int row, int column, const QModelIndex &parent) const {
    if (!hasIndex(row, column, parent))
        return {};
    return parent.isValid() ? createIndex(row, column, quintptr(parent.row() + 1))
                            : createIndex(row, column, quintptr(0));
}

QModelIndex FieldComparisonModel::parent(const QModelIndex &child) const {
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(static_cast<int>(child.internalId()) - 1, 0, quintptr(0));
}

int FieldComparisonModel::rowCount(const QModelIndex &parent) const {
    if (!parent.isValid())
        return static_cast<int>(m_shown.size());
    if (parent.internalId() != 0 || parent.column() != 0)
        return 0;
    const RecordRow *record = recordAt(parent);
    return record ? static_cast<int>(shownFields(*record).size()) : 0;
}

bool FieldComparisonModel::hasChildren(const QModelIndex &parent) const {
    if (!parent.isValid())
        return !m_shown.empty();
    if (parent.internalId() != 0 || parent.column() != 0)
        return false;
    const RecordRow *record = recordAt(parent);
    // A record not split yet has fields (an empty object aside): splitting waits for its opening.
    return record && (!record->split || !shownFields(*record).empty());
}

int FieldComparisonModel::columnCount(const QModelIndex &) const {
    return ColumnCount;
}

QVariant FieldComparisonModel::headerData(int section, Qt::Orientation orientation,
                                          int role) const {
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == Source)
        return tr("The SQLite row as the migrator encodes it");
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Field:
        return tr("field");
    case Source:
        return tr("SQLite");
    case Store:
        return tr("store");
    default:
        return {};
    }
}

QVariant FieldComparisonModel::data(const QModelIndex &index, int role) const {
    const RecordRow *record = index.isValid() ? recordAt(index) : nullptr;
    if (!record)
        return {};
    if (index.internalId() == 0)
        return recordData(*record, index.column(), role);
    const std::vector<int> &shown = shownFields(*record);
    if (index.row() >= static_cast<int>(shown.size()))
        return {};
    const FieldRow &field =
        record->fields[static_cast<size_t>(shown[static_cast<size_t>(index.row())])];
    return fieldData(*record, field, index.column(), role);
}

QVariant FieldComparisonModel::recordData(const RecordRow &record, int column, int role) const {
    switch (role) {
    case DiffersRole:
        return !record.matches;
    case RecordLabelRole:
        return record.label;
    case FieldNameRole:
        return QString();
    case FirstDifferenceRole:
        return qsizetype(-1);
    case DifferenceTextRole:
    case DifferenceHtmlRole: {
        const QString text = !record.inSource  ? tr("Record %1 is not in the source.")
                             : !record.inStore ? tr("Record %1 is not in the store.")
                                               : QString();
        return role == DifferenceTextRole || text.isEmpty()
                   ? text.arg(record.label)
                   : QStringLiteral("<p>%1</p>").arg(text.arg(record.label).toHtmlEscaped());
    }
    case Qt::ForegroundRole:
        return column == Field ? QBrush(record.matches ? m_colours.pass : m_colours.fail)
                               : QVariant();
    case Qt::FontRole:
        if (!record.matches) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    if (column == Source)
        return record.inSource ? QString() : tr("(not in the source)");
    if (column == Store)
        return record.inStore ? QString() : tr("(not in the store)");
    if (record.matches)
        return tr("✔ %1: identical").arg(record.label);
    if (!record.inSource || !record.inStore)
        return tr("✘ %1: on one side only").arg(record.label);
    const int differing = static_cast<int>(std::count_if(
        record.fields.begin(), record.fields.end(), [](const FieldRow &f) { return f.differs; }));
    return differing == 0 ? tr("✘ %1: differs (same fields, in another order)").arg(record.label)
                          : tr("✘ %1: %n field(s) differ", nullptr, differing).arg(record.label);
}

QVariant FieldComparisonModel::fieldData(const RecordRow &record, const FieldRow &field, int column,
                                         int role) const {
    const bool oneSided = !record.inSource || !record.inStore;
    if (oneSided && (role == DifferenceTextRole || role == DifferenceHtmlRole))
        return recordData(record, column, role); // each field says the record is missing
    switch (role) {
    case DiffersRole:
        return field.differs;
    case RecordLabelRole:
        return record.label;
    case FieldNameRole:
        return field.name;
    case FirstDifferenceRole:
        return field.difference.offset;
    case DifferenceTextRole:
        return field.differs ? differenceText(field) : QString();
    case DifferenceHtmlRole:
        return field.differs ? differenceHtml(field) : QString();
    case Qt::ForegroundRole:
        return field.differs ? QBrush(m_colours.fail) : QVariant();
    case Qt::FontRole:
        if (field.differs) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ToolTipRole: {
        if (field.differs)
            return fieldData(record, field, column, DifferenceHtmlRole);
        const std::optional<QString> &value = column == Store ? field.store : field.source;
        if (column != Field && value && value->size() > shownCharacters)
            return cut(*value, toolTipCharacters);
        return {};
    }
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (column) {
    case Field:
        return field.differs ? tr("✘ %1").arg(field.name) : field.name;
    case Source:
        return valueText(record, field.source, true);
    case Store:
        return valueText(record, field.store, false);
    default:
        return {};
    }
}

QString FieldComparisonModel::valueText(const RecordRow &record,
                                        const std::optional<QString> &value,
                                        bool sourceSide) const {
    if (sourceSide && !record.inSource)
        return tr("(not in the source)");
    if (!sourceSide && !record.inStore)
        return tr("(not in the store)");
    return value ? cut(*value, shownCharacters) : tr("(no such field)");
}

QString FieldComparisonModel::differenceText(const FieldRow &field) const {
    if (!field.source)
        return tr("%1 is only in the store.").arg(field.name);
    if (!field.store)
        return tr("%1 is only in the source.").arg(field.name);
    const QString sourceLabel = tr("SQLite:");
    const QString storeLabel = tr("store:");
    const qsizetype width = std::max(sourceLabel.size(), storeLabel.size()) + 1;
    const TextDifference &difference = field.difference;
    return tr("%1 differs from character %2:")
               .arg(field.name, QLocale().toString(difference.offset + 1)) +
           QLatin1Char('\n') + sourceLabel.leftJustified(width) + difference.sourceExcerpt() +
           QLatin1Char('\n') + storeLabel.leftJustified(width) + difference.storeExcerpt() +
           QLatin1Char('\n') + QString(width + difference.caretColumn, QLatin1Char(' ')) +
           QLatin1Char('^');
}

QString FieldComparisonModel::differenceHtml(const FieldRow &field) const {
    const TextDifference &difference = field.difference;
    if (!field.source || !field.store)
        return QStringLiteral("<p>%1</p>").arg(differenceText(field).toHtmlEscaped());
    const QString sourceLabel = tr("SQLite:");
    const QString storeLabel = tr("store:");
    const qsizetype width = std::max(sourceLabel.size(), storeLabel.size()) + 1;
    // From the first difference on: in the fail colour, bold and underlined, so not by colour only.
    const auto side = [&](const QString &label, const QString &rest) {
        return (label.leftJustified(width) + difference.common).toHtmlEscaped() +
               QStringLiteral("<span style='color:%1; font-weight:bold; "
                              "text-decoration:underline'>%2</span>")
                   .arg(m_colours.fail.name(), rest.toHtmlEscaped());
    };
    return QStringLiteral("<p>%1</p><pre>%2\n%3</pre>")
        .arg(tr("%1 differs from character %2:")
                 .arg(field.name, QLocale().toString(difference.offset + 1))
                 .toHtmlEscaped(),
             side(sourceLabel, difference.sourceRest), side(storeLabel, difference.storeRest));
}

std::vector<QModelIndex> FieldComparisonModel::differences() const {
    std::vector<QModelIndex> found;
    for (int r = 0; r < rowCount(); ++r) {
        const QModelIndex record = index(r, 0);
        if (!record.data(DiffersRole).toBool())
            continue;
        const size_t before = found.size();
        for (int f = 0; f < rowCount(record); ++f)
            if (const QModelIndex field = index(f, 0, record); field.data(DiffersRole).toBool())
                found.push_back(field);
        if (found.size() == before)
            found.push_back(record);
    }
    return found;
}

namespace {

// Where an index is in display order: its record's row, then -1 for the record or the field's row.
std::tuple<int, int> displayPosition(const QModelIndex &index) {
    return index.parent().isValid() ? std::tuple(index.parent().row(), index.row())
                                    : std::tuple(index.row(), -1);
}

} // namespace

QModelIndex FieldComparisonModel::nextDifference(const QModelIndex &from) const {
    const std::vector<QModelIndex> all = differences();
    if (all.empty())
        return {};
    if (!from.isValid())
        return all.front();
    const auto at = displayPosition(from);
    const auto next = std::find_if(all.begin(), all.end(), [&](const QModelIndex &candidate) {
        return displayPosition(candidate) > at;
    });
    return next == all.end() ? all.front() : *next;
}

QModelIndex FieldComparisonModel::previousDifference(const QModelIndex &from) const {
    const std::vector<QModelIndex> all = differences();
    if (all.empty())
        return {};
    if (!from.isValid())
        return all.back();
    const auto at = displayPosition(from);
    const auto previous = std::find_if(all.rbegin(), all.rend(), [&](const QModelIndex &candidate) {
        return displayPosition(candidate) < at;
    });
    return previous == all.rend() ? all.back() : *previous;
}

QModelIndex FieldComparisonModel::find(const QString &recordLabel, const QString &field) const {
    for (int r = 0; r < rowCount(); ++r) {
        const QModelIndex record = index(r, 0);
        if (record.data(RecordLabelRole).toString() != recordLabel)
            continue;
        if (field.isEmpty())
            return record;
        for (int f = 0; f < rowCount(record); ++f)
            if (index(f, 0, record).data(FieldNameRole).toString() == field)
                return index(f, 0, record);
        return {};
    }
    return {};
}

} // namespace magellan
