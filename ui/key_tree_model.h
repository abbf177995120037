#pragma once

#include "browse/key_tree.h"
#include "format/key_codec.h"

#include <QAbstractItemModel>

#include <atomic>
#include <map>
#include <memory>

namespace magellan {

// The keys of a store as a lazy tree: a group's children are listed one page at a time as the
// view scrolls (fetchMore seeks past the last one, never scanning), key counts of groups are
// computed in the background, and a jump to a key lists its groups around that key: a few
// children before it, then on from it, with an "earlier entries" row above that lists the ones
// before those a page at a time (fetchEarlier seeks back from the first one listed).
class KeyTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { Key, Count, ColumnCount };
    enum Role { KeyRole = Qt::UserRole, IsGroupRole, IsEarlierMarkerRole, LabelRole };

    // `store` is shared with the background counts, which may outlive a view.
    explicit KeyTreeModel(std::shared_ptr<const KvStore> store, QObject *parent = nullptr);
    ~KeyTreeModel() override;

    void setPageSize(int size) { m_pageSize = size; }
    // Labels ast and cfg keys with their file and function from the source at `path` ("" for
    // none), read in the background; keys spelled under `layout`.
    void setLabelSource(const QString &path, KeyLayout layout);
    // Shows only the keys under `prefix` ("" for all), e.g. one namespace.
    void setRootPrefix(const std::string &prefix);
    // Lists what is needed to show `key`, with up to `rowsBefore` siblings before it and before
    // each of its groups, and returns its index (invalid when it is not under the root prefix or
    // no longer in the store).
    QModelIndex locate(const std::string &key, int rowsBefore = 0);
    // For the "earlier entries" row: lists the page of children before the first one listed; the
    // row stays (at row 0) while there are more. Returns how many rows it inserted.
    int fetchEarlier(const QModelIndex &marker);
    // The key (leaves) or prefix (groups) at `index`.
    std::string prefixAt(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void storeError(const QString &message);

private:
    struct Node {
        KeyTreeEntry entry;
        Node *parent = nullptr;
        std::vector<std::unique_ptr<Node>> children;
        bool listed = false;                 // the first page was asked for
        std::optional<std::string> nextSeek; // where the next page starts
        // The "earlier entries" row of a jumped-to window; its entry.prefix is where the children
        // it stands for end (they sort before it).
        bool earlierMarker = false;
    };

    Node *nodeAt(const QModelIndex &index) const;
    QModelIndex indexOf(Node *node) const;
    void appendPage(Node *node, std::string_view seekFrom);
    void relistAround(Node *node, const std::string &from, int rowsBefore);
    int prependPage(Node *node, int limit);
    Node *childWithPrefix(Node *node, const std::string &prefix, int rowsBefore);
    void startCount(const std::string &prefix);
    void countArrived(const std::string &prefix, qint64 count);
    Node *findGroup(const std::string &prefix) const;
    void requestLabels(Node *group, size_t from);
    void labelsArrived(quint64 generation, const std::string &group,
                       const std::vector<std::string> &keys,
                       const std::vector<std::string> &labels);
    void requestAllLabels(Node *node);

    std::shared_ptr<const KvStore> m_store;
    std::shared_ptr<std::atomic<bool>> m_cancelCounts;
    std::unique_ptr<Node> m_root;
    std::map<std::string, qint64> m_counts; // -1 while counting
    QString m_labelSource;
    KeyLayout m_layout = KeyLayout::Seed;
    quint64 m_labelGeneration = 0;           // a new source drops labels still on their way
    std::map<std::string, QString> m_labels; // of the ast and cfg keys listed so far
    int m_pageSize = 200;
    int m_changing = 0; // > 0 while rows are being inserted or removed: no fetch may nest in it
};

} // namespace magellan
