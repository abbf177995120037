#include "key_tree_model.h"

#include "browse/key_labels.h"
#include "source/source_database.h"

#include <QApplication>
#include <QLocale>
#include <QPointer>
#include <QStyle>
#include <QThreadPool>

#include <algorithm>
#include <iterator>

namespace magellan {

KeyTreeModel::KeyTreeModel(std::shared_ptr<const KvStore> store, QObject *parent)
    : QAbstractItemModel(parent), m_store(std::move(store)),
      m_cancelCounts(std::make_shared<std::atomic<bool>>(false)) {
    setRootPrefix({});
}

KeyTreeModel::~KeyTreeModel() {
    m_cancelCounts->store(true);
}

void KeyTreeModel::setRootPrefix(const std::string &prefix) {
    ++m_changing;
    beginResetModel();
    m_root = std::make_unique<Node>();
    m_root->entry = {prefix, prefix, true};
    endResetModel();
    --m_changing;
}

KeyTreeModel::Node *KeyTreeModel::nodeAt(const QModelIndex &index) const {
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex KeyTreeModel::indexOf(Node *node) const {
    if (!node || node == m_root.get() || !node->parent)
        return {};
    const auto &siblings = node->parent->children;
    for (size_t row = 0; row < siblings.size(); ++row)
        if (siblings[row].get() == node)
            return createIndex(static_cast<int>(row), 0, node);
    return {};
}

QModelIndex KeyTreeModel::index(int row, int column, const QModelIndex &parent) const {
    const Node *node = nodeAt(parent);
    if (row < 0 || column < 0 || column >= ColumnCount ||
        row >= static_cast<int>(node->children.size()))
        return {};
    return createIndex(row, column, node->children[row].get());
}

QModelIndex KeyTreeModel::parent(const QModelIndex &child) const {
    if (!child.isValid())
        return {};
    return indexOf(nodeAt(child)->parent);
}

int KeyTreeModel::rowCount(const QModelIndex &parent) const {
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return static_cast<int>(nodeAt(parent)->children.size());
}

int KeyTreeModel::columnCount(const QModelIndex &) const {
    return ColumnCount;
}

bool KeyTreeModel::hasChildren(const QModelIndex &parent) const {
    if (parent.isValid() && parent.column() != 0)
        return false;
    const Node *node = nodeAt(parent);
    return node->entry.isGroup && !node->earlierMarker &&
           (!node->listed || !node->children.empty());
}

bool KeyTreeModel::canFetchMore(const QModelIndex &parent) const {
    if (m_changing > 0 || (parent.isValid() && parent.column() != 0))
        return false;
    const Node *node = nodeAt(parent);
    return node->entry.isGroup && !node->earlierMarker &&
           (!node->listed || node->nextSeek.has_value());
}

void KeyTreeModel::fetchMore(const QModelIndex &parent) {
    if (!canFetchMore(parent))
        return;
    Node *node = nodeAt(parent);
    const bool first = !node->listed;
    appendPage(node,
               first ? std::string_view(node->entry.prefix) : std::string_view(*node->nextSeek));
    if (first && node != m_root.get())
        startCount(node->entry.prefix);
}

void KeyTreeModel::appendPage(Node *node, std::string_view seekFrom) {
    const struct Changing {
        int &depth;
        ~Changing() { --depth; }
    } changing{++m_changing};
    node->listed = true;
    Result<KeyTreePage> page = keytree::listChildren(*m_store, node->entry.prefix, seekFrom,
                                                     static_cast<size_t>(m_pageSize));
    if (!page.isOk()) {
        node->nextSeek.reset();
        Q_EMIT storeError(page.status().message());
        return;
    }
    node->nextSeek = page->nextSeek;
    if (page->entries.empty())
        return;
    const int first = static_cast<int>(node->children.size());
    beginInsertRows(indexOf(node), first, first + static_cast<int>(page->entries.size()) - 1);
    for (KeyTreeEntry &entry : page->entries) {
        auto child = std::make_unique<Node>();
        child->entry = std::move(entry);
        child->parent = node;
        node->children.push_back(std::move(child));
    }
    endInsertRows();
    requestLabels(node, size_t(first));
    if (node == m_root.get()) // top-level groups are counted right away
        for (const auto &child : node->children)
            if (child->entry.isGroup)
                startCount(child->entry.prefix);
}

void KeyTreeModel::relistAround(Node *node, const std::string &from, int rowsBefore) {
    const struct Changing {
        int &depth;
        ~Changing() { --depth; }
    } changing{++m_changing};
    const QModelIndex parentIndex = indexOf(node);
    if (!node->children.empty()) {
        beginRemoveRows(parentIndex, 0, static_cast<int>(node->children.size()) - 1);
        node->children.clear();
        endRemoveRows();
    }
    node->nextSeek.reset();
    Result<KeyTreePage> before = keytree::listChildrenBefore(
        *m_store, node->entry.prefix, from, static_cast<size_t>(std::max(rowsBefore, 0)));
    if (!before.isOk()) {
        Q_EMIT storeError(before.status().message());
        before = KeyTreePage{{}, std::nullopt, true}; // the row above can try again
    }
    std::vector<KeyTreeEntry> &entries = before->entries;
    const int rows = static_cast<int>(entries.size()) + (before->moreBefore ? 1 : 0);
    if (rows > 0) {
        beginInsertRows(parentIndex, 0, rows - 1);
        if (before->moreBefore) {
            auto marker = std::make_unique<Node>();
            marker->entry = {
                tr("⋯ earlier entries (scroll up or double-click to list them)").toStdString(),
                entries.empty() ? from : entries.front().prefix, false};
            marker->earlierMarker = true;
            marker->parent = node;
            node->children.push_back(std::move(marker));
        }
        for (KeyTreeEntry &entry : entries) {
            auto child = std::make_unique<Node>();
            child->entry = std::move(entry);
            child->parent = node;
            node->children.push_back(std::move(child));
        }
        endInsertRows();
    }
    appendPage(node, from);
}

int KeyTreeModel::prependPage(Node *node, int limit) {
    if (node->children.empty() || !node->children.front()->earlierMarker)
        return 0;
    const struct Changing {
        int &depth;
        ~Changing() { --depth; }
    } changing{++m_changing};
    Node *marker = node->children.front().get();
    Result<KeyTreePage> page =
        keytree::listChildrenBefore(*m_store, node->entry.prefix, marker->entry.prefix,
                                    static_cast<size_t>(std::max(limit, 1)));
    if (!page.isOk()) {
        Q_EMIT storeError(page.status().message());
        return 0;
    }
    const QModelIndex parentIndex = indexOf(node);
    const int rows = static_cast<int>(page->entries.size());
    if (rows > 0) {
        beginInsertRows(parentIndex, 1, rows);
        std::vector<std::unique_ptr<Node>> earlier;
        for (KeyTreeEntry &entry : page->entries) {
            auto child = std::make_unique<Node>();
            child->entry = std::move(entry);
            child->parent = node;
            earlier.push_back(std::move(child));
        }
        node->children.insert(node->children.begin() + 1, std::make_move_iterator(earlier.begin()),
                              std::make_move_iterator(earlier.end()));
        marker->entry.prefix = node->children[1]->entry.prefix;
        endInsertRows();
    }
    if (!page->moreBefore) {
        beginRemoveRows(parentIndex, 0, 0);
        node->children.erase(node->children.begin());
        endRemoveRows();
    }
    if (node == m_root.get()) // top-level groups are counted right away
        for (const auto &child : node->children)
            if (child->entry.isGroup)
                startCount(child->entry.prefix);
    return rows;
}

int KeyTreeModel::fetchEarlier(const QModelIndex &marker) {
    const Node *node = nodeAt(marker);
    if (!marker.isValid() || !node->earlierMarker || m_changing > 0)
        return 0;
    return prependPage(node->parent, m_pageSize);
}

KeyTreeModel::Node *KeyTreeModel::childWithPrefix(Node *node, const std::string &prefix,
                                                  int rowsBefore) {
    const auto find = [&]() -> Node * {
        for (const auto &child : node->children)
            if (!child->earlierMarker && child->entry.prefix == prefix)
                return child.get();
        return nullptr;
    };
    if (node->listed) {
        if (Node *child = find()) {
            const int row = indexOf(child).row();
            const int listedBefore = node->children.front()->earlierMarker ? row - 1 : row;
            if (listedBefore < rowsBefore) // among the first listed: list a few before it
                prependPage(node, rowsBefore - listedBefore);
            return child;
        }
    }
    // Not among the children listed: list around the target rather than paging through
    // everything before it.
    relistAround(node, prefix, rowsBefore);
    return find();
}

QModelIndex KeyTreeModel::locate(const std::string &key, int rowsBefore) {
    if (!keytree::belongsTo(m_root->entry.prefix, key) || key == m_root->entry.prefix)
        return {};
    Node *node = m_root.get();
    std::string prefix = node->entry.prefix;
    while (true) {
        const KeyTreeEntry child = keytree::childOf(prefix, key);
        Node *found = childWithPrefix(node, child.prefix, rowsBefore);
        if (!found)
            return indexOf(node);
        if (!child.isGroup)
            return indexOf(found);
        if (!found->listed)
            fetchMore(indexOf(found));
        node = found;
        prefix = child.prefix;
    }
}

std::string KeyTreeModel::prefixAt(const QModelIndex &index) const {
    const Node *node = nodeAt(index);
    return node->earlierMarker ? std::string() : node->entry.prefix;
}

QVariant KeyTreeModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid())
        return {};
    const Node *node = nodeAt(index);
    const KeyTreeEntry &entry = node->entry;
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == Key) {
            const auto label = entry.isGroup ? m_labels.end() : m_labels.find(entry.prefix);
            if (label != m_labels.end())
                return tr("%1 — %2").arg(QString::fromStdString(entry.label), label->second);
            return QString::fromStdString(entry.label);
        }
        if (index.column() == Count && entry.isGroup && !node->earlierMarker) {
            const auto count = m_counts.find(entry.prefix);
            if (count == m_counts.end())
                return {};
            return count->second < 0 ? tr("counting…") : QLocale::system().toString(count->second);
        }
        return {};
    case Qt::ToolTipRole: {
        if (node->earlierMarker)
            return QString();
        const auto label = m_labels.find(entry.prefix);
        return label == m_labels.end() || entry.isGroup
                   ? QString::fromStdString(entry.prefix)
                   : QStringLiteral("%1\n%2").arg(QString::fromStdString(entry.prefix),
                                                  label->second);
    }
    case LabelRole: {
        const auto label = m_labels.find(entry.prefix);
        return label == m_labels.end() || entry.isGroup ? QString() : label->second;
    }
    case Qt::DecorationRole:
        if (index.column() != Key || node->earlierMarker)
            return {};
        return QApplication::style()->standardIcon(entry.isGroup ? QStyle::SP_DirIcon
                                                                 : QStyle::SP_FileIcon);
    case Qt::TextAlignmentRole:
        return index.column() == Count ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case KeyRole:
        return QString::fromStdString(prefixAt(index));
    case IsGroupRole:
        return entry.isGroup && !node->earlierMarker;
    case IsEarlierMarkerRole:
        return node->earlierMarker;
    }
    return {};
}

QVariant KeyTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == Key ? tr("Key") : section == Count ? tr("Keys") : QVariant();
}

void KeyTreeModel::startCount(const std::string &prefix) {
    if (m_counts.count(prefix))
        return;
    m_counts[prefix] = -1;
    QPointer<KeyTreeModel> self(this);
    QThreadPool::globalInstance()->start([self, store = m_store, cancel = m_cancelCounts, prefix] {
        const Result<std::optional<qint64>> counted =
            keytree::countKeys(*store, prefix, cancel.get());
        if (!counted.isOk() || !counted.value() || cancel->load())
            return;
        const qint64 count = *counted.value();
        QMetaObject::invokeMethod(qApp, [self, prefix, count] {
            if (self)
                self->countArrived(prefix, count);
        });
    });
}

void KeyTreeModel::setLabelSource(const QString &path, KeyLayout layout) {
    m_labelSource = path;
    m_layout = layout;
    ++m_labelGeneration;
    m_labels.clear();
    requestAllLabels(m_root.get());
}

// Shows the keys under `node` without the labels they had, and asks for the new source's.
void KeyTreeModel::requestAllLabels(Node *node) {
    if (!node->children.empty()) {
        const QModelIndex parent = indexOf(node);
        Q_EMIT dataChanged(index(0, Key, parent),
                           index(int(node->children.size()) - 1, Key, parent));
    }
    requestLabels(node, 0);
    for (const auto &child : node->children)
        if (child->entry.isGroup && child->listed)
            requestAllLabels(child.get());
}

// Labels the keys `group` lists from child `from` on, when it is the ast or cfg group.
void KeyTreeModel::requestLabels(Node *group, size_t from) {
    const std::string &prefix = group->entry.prefix;
    if (m_labelSource.isEmpty() || (prefix != kvkey::prefix(SourceTable::AstNodes, m_layout) &&
                                    prefix != kvkey::prefix(SourceTable::CfgBlocks, m_layout)))
        return;
    std::vector<std::string> keys;
    for (size_t at = from; at < group->children.size(); ++at)
        if (const Node *child = group->children[at].get();
            !child->entry.isGroup && !child->earlierMarker)
            keys.push_back(child->entry.prefix);
    if (keys.empty())
        return;
    QPointer<KeyTreeModel> self(this);
    QThreadPool::globalInstance()->start([self, path = m_labelSource, layout = m_layout,
                                          generation = m_labelGeneration, group = prefix,
                                          keys = std::move(keys)] {
        Result<std::unique_ptr<SourceDatabase>> source = SourceDatabase::open(path, 2000);
        if (!source.isOk())
            return; // no labels: the keys are shown as they are
        Result<std::vector<std::string>> labels =
            keylabels::labelKeys(*source.value(), layout, keys);
        if (!labels.isOk())
            return;
        QMetaObject::invokeMethod(
            qApp, [self, generation, group, keys, labels = std::move(labels.value())] {
                if (self)
                    self->labelsArrived(generation, group, keys, labels);
            });
    });
}

void KeyTreeModel::labelsArrived(quint64 generation, const std::string &group,
                                 const std::vector<std::string> &keys,
                                 const std::vector<std::string> &labels) {
    if (generation != m_labelGeneration)
        return;
    for (size_t at = 0; at < keys.size() && at < labels.size(); ++at)
        if (!labels[at].empty())
            m_labels[keys[at]] = QString::fromStdString(labels[at]);
    Node *node = m_root->entry.prefix == group ? m_root.get() : findGroup(group);
    if (node && !node->children.empty()) {
        const QModelIndex parent = indexOf(node);
        Q_EMIT dataChanged(index(0, Key, parent),
                           index(int(node->children.size()) - 1, Key, parent));
    }
}

KeyTreeModel::Node *KeyTreeModel::findGroup(const std::string &prefix) const {
    Node *node = m_root.get();
    while (node) {
        Node *next = nullptr;
        for (const auto &child : node->children) {
            if (!child->entry.isGroup || child->earlierMarker)
                continue;
            if (child->entry.prefix == prefix)
                return child.get();
            if (prefix.starts_with(child->entry.prefix))
                next = child.get();
        }
        node = next;
    }
    return nullptr;
}

void KeyTreeModel::countArrived(const std::string &prefix, qint64 count) {
    m_counts[prefix] = count;
    if (Node *node = findGroup(prefix)) {
        const QModelIndex at = indexOf(node);
        const QModelIndex cell = index(at.row(), Count, at.parent());
        Q_EMIT dataChanged(cell, cell);
    }
}

} // namespace magellan
