#pragma once

#include "browse/file_tree.h"

#include <QAbstractItemModel>

#include <memory>

namespace magellan {

// The files of a store as a tree by folder, over a FileTree built elsewhere (off the GUI
// thread): name, chunks, AST nodes and functions per file, sums per folder. GUI thread only.
class FilesModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { Name, Chunks, AstNodes, Functions, ColumnCount };
    enum Role { PathRole = Qt::UserRole, IsFileRole };

    explicit FilesModel(QObject *parent = nullptr);

    // Shows `tree`, whose files index `listing`'s; both are kept, never changed.
    void setTree(std::shared_ptr<const FileListing> listing, std::shared_ptr<const FileTree> tree);
    const FileListing *listing() const { return m_listing.get(); }
    const std::shared_ptr<const FileListing> &listingShared() const { return m_listing; }
    std::int64_t matchingFiles() const { return m_tree ? m_tree->matchingFiles : 0; }
    // The index of the file at `path`; invalid when the tree does not show it.
    QModelIndex indexOfPath(const std::string &path) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    const FileTreeNode *nodeAt(const QModelIndex &index) const;
    int nodeIndexAt(const QModelIndex &index) const;
    QVariant countAt(const FileTreeNode &node, int column) const;

    std::shared_ptr<const FileListing> m_listing;
    std::shared_ptr<const FileTree> m_tree;
};

} // namespace magellan
