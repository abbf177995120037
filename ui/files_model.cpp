#include "files_model.h"

#include <QApplication>
#include <QLocale>
#include <QStyle>

namespace magellan {

FilesModel::FilesModel(QObject *parent) : QAbstractItemModel(parent) {}

void FilesModel::setTree(std::shared_ptr<const FileListing> listing,
                         std::shared_ptr<const FileTree> tree) {
    beginResetModel();
    m_listing = std::move(listing);
    m_tree = std::move(tree);
    endResetModel();
}

int FilesModel::nodeIndexAt(const QModelIndex &index) const {
    return index.isValid() ? int(index.internalId()) : 0;
}

const FileTreeNode *FilesModel::nodeAt(const QModelIndex &index) const {
    if (!m_tree)
        return nullptr;
    return &m_tree->nodes[size_t(nodeIndexAt(index))];
}

QModelIndex FilesModel::index(int row, int column, const QModelIndex &parent) const {
    const FileTreeNode *node = nodeAt(parent);
    if (!node || row < 0 || column < 0 || column >= ColumnCount ||
        row >= int(node->children.size()) || (parent.isValid() && parent.column() != 0))
        return {};
    return createIndex(row, column, quintptr(node->children[size_t(row)]));
}

QModelIndex FilesModel::parent(const QModelIndex &child) const {
    if (!child.isValid() || !m_tree)
        return {};
    const int parentIndex = m_tree->nodes[size_t(child.internalId())].parent;
    if (parentIndex <= 0)
        return {};
    return createIndex(m_tree->nodes[size_t(parentIndex)].row, 0, quintptr(parentIndex));
}

int FilesModel::rowCount(const QModelIndex &parent) const {
    if (parent.isValid() && parent.column() != 0)
        return 0;
    const FileTreeNode *node = nodeAt(parent);
    return node ? int(node->children.size()) : 0;
}

int FilesModel::columnCount(const QModelIndex &) const {
    return ColumnCount;
}

QVariant FilesModel::countAt(const FileTreeNode &node, int column) const {
    const bool sourceRead = m_listing && m_listing->sourceRead;
    if (m_listing && m_listing->countsPending && (column == AstNodes || column == Functions))
        return QStringLiteral("…"); // still being counted
    if (m_listing && m_listing->filesPending && !node.isFile())
        return QStringLiteral("…"); // a folder's sum, while its files are still being read
    switch (column) {
    case Chunks:
        return QLocale().toString(qlonglong(node.chunks));
    case AstNodes:
        return sourceRead ? QLocale().toString(qlonglong(node.astNodes)) : QString();
    case Functions:
        return sourceRead ? QLocale().toString(qlonglong(node.functions)) : QString();
    default:
        return {};
    }
}

QVariant FilesModel::data(const QModelIndex &index, int role) const {
    const FileTreeNode *node = index.isValid() ? nodeAt(index) : nullptr;
    if (!node)
        return {};
    const std::string *path =
        node->isFile() && m_listing ? &m_listing->files[size_t(node->file)].path : nullptr;
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == Name ? QVariant(node->name) : countAt(*node, index.column());
    case Qt::ToolTipRole:
        if (path)
            return QString::fromStdString(*path);
        return node->files == 1 ? tr("1 file")
                                : tr("%1 files").arg(QLocale().toString(qlonglong(node->files)));
    case Qt::DecorationRole:
        if (index.column() != Name)
            return {};
        return QApplication::style()->standardIcon(node->isFile() ? QStyle::SP_FileIcon
                                                                  : QStyle::SP_DirIcon);
    case Qt::TextAlignmentRole:
        return index.column() == Name ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case PathRole:
        return path ? QString::fromStdString(*path) : QString();
    case IsFileRole:
        return node->isFile();
    default:
        return {};
    }
}

QVariant FilesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("File");
    case Chunks:
        return tr("Chunks");
    case AstNodes:
        return tr("AST nodes");
    case Functions:
        return tr("Functions");
    default:
        return {};
    }
}

QModelIndex FilesModel::indexOfPath(const std::string &path) const {
    if (!m_tree || !m_listing)
        return {};
    for (size_t at = 1; at < m_tree->nodes.size(); ++at) {
        const FileTreeNode &node = m_tree->nodes[at];
        if (node.isFile() && m_listing->files[size_t(node.file)].path == path)
            return createIndex(node.row, 0, quintptr(at));
    }
    return {};
}

} // namespace magellan
