#include "json_tree_model.h"

namespace magellan {
namespace {

using json = nlohmann::ordered_json;

const char *typeName(const json &value) {
    switch (value.type()) {
    case json::value_t::object:
        return "object";
    case json::value_t::array:
        return "array";
    case json::value_t::string:
        return "string";
    case json::value_t::boolean:
        return "boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
        return "integer";
    case json::value_t::number_float:
        return "real";
    case json::value_t::null:
        return "null";
    default:
        return "";
    }
}

QString shortValue(const json &value) {
    if (value.is_object())
        return QObject::tr("{%n field(s)}", nullptr, static_cast<int>(value.size()));
    if (value.is_array())
        return QObject::tr("[%n element(s)]", nullptr, static_cast<int>(value.size()));
    if (value.is_string()) {
        const std::string &text = value.get_ref<const std::string &>();
        QString shown =
            QString::fromUtf8(text.data(), static_cast<int>(std::min<size_t>(text.size(), 400)));
        shown.replace(QLatin1Char('\n'), QStringLiteral("⏎"));
        return text.size() > 400 ? shown + QStringLiteral("…") : shown;
    }
    return QString::fromStdString(value.dump());
}

} // namespace

JsonTreeModel::JsonTreeModel(QObject *parent)
    : QAbstractItemModel(parent), m_root(std::make_unique<Node>()) {}
JsonTreeModel::~JsonTreeModel() = default;

void JsonTreeModel::setDocument(std::shared_ptr<const json> document) {
    beginResetModel();
    m_document = std::move(document);
    m_root = std::make_unique<Node>();
    if (m_document) { // one top row for the whole value
        auto top = std::make_unique<Node>();
        top->name = tr("(value)");
        top->value = m_document.get();
        top->parent = m_root.get();
        m_root->children.push_back(std::move(top));
    }
    m_root->expanded = true;
    endResetModel();
}

JsonTreeModel::Node *JsonTreeModel::nodeAt(const QModelIndex &index) const {
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

void JsonTreeModel::expand(const Node *node) const {
    if (node->expanded)
        return;
    node->expanded = true;
    if (!node->value || !node->value->is_structured())
        return;
    int row = 0;
    for (const auto &item : node->value->items()) {
        auto child = std::make_unique<Node>();
        child->name = node->value->is_array() ? QStringLiteral("[%1]").arg(row)
                                              : QString::fromStdString(item.key());
        child->value = &item.value();
        child->parent = const_cast<Node *>(node);
        child->row = row++;
        node->children.push_back(std::move(child));
    }
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex &parent) const {
    if (parent.isValid() && parent.column() != 0)
        return {};
    const Node *node = nodeAt(parent);
    expand(node);
    if (row < 0 || row >= static_cast<int>(node->children.size()) || column < 0 ||
        column >= ColumnCount)
        return {};
    return createIndex(row, column, node->children[row].get());
}

QModelIndex JsonTreeModel::parent(const QModelIndex &child) const {
    if (!child.isValid())
        return {};
    const Node *parent = nodeAt(child)->parent;
    if (!parent || parent == m_root.get())
        return {};
    return createIndex(parent->row, 0, const_cast<Node *>(parent));
}

int JsonTreeModel::rowCount(const QModelIndex &parent) const {
    if (parent.isValid() && parent.column() != 0)
        return 0;
    const Node *node = nodeAt(parent);
    expand(node);
    return static_cast<int>(node->children.size());
}

int JsonTreeModel::columnCount(const QModelIndex &) const {
    return ColumnCount;
}

bool JsonTreeModel::hasChildren(const QModelIndex &parent) const {
    if (parent.isValid() && parent.column() != 0)
        return false;
    const Node *node = nodeAt(parent);
    return node == m_root.get()
               ? !node->children.empty()
               : node->value && node->value->is_structured() && !node->value->empty();
}

QVariant JsonTreeModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    const Node *node = nodeAt(index);
    switch (index.column()) {
    case Name:
        return node->name;
    case Value:
        return shortValue(*node->value);
    case Type:
        return QString::fromLatin1(typeName(*node->value));
    }
    return {};
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char *const titles[] = {"Name", "Value", "Type"};
    return section >= 0 && section < ColumnCount ? tr(titles[section]) : QVariant();
}

} // namespace magellan
