#pragma once

#include "browse/file_tree.h"
#include "format/key_codec.h"

#include <QSet>
#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QTimer;
class QTreeView;
class QTreeWidget;

namespace magellan {

class FileIndexLoader;
class FilesModel;
class KvStore;

// The Files view of the KV browser: the store's files as a tree by folder, narrowed by a search
// box as one types (text or a glob anywhere in the path), and the selected file's chunks in
// source order, AST keys and functions with their block counts. Reads run in the background.
class FilesView : public QWidget {
    Q_OBJECT
public:
    FilesView(std::shared_ptr<const KvStore> store, KeyLayout layout, QWidget *parent = nullptr);
    ~FilesView() override;

    // The source the files are tied to AST and CFG keys with; reads the files again when shown.
    void setSourcePath(const QString &path);
    // Reads the files now unless they are read (or being read) for the current source.
    void ensureLoaded();
    // Selects the file at `path` in the tree, when it is shown; false when not.
    bool selectFile(const QString &path);

    QLineEdit *searchField() const { return m_search; }
    QTreeView *fileView() const { return m_files; }
    FilesModel *model() const { return m_model; }
    QTreeWidget *detailView() const { return m_detail; }
    QLabel *statusLabel() const { return m_status; }
    // The file whose detail is shown ("" when none).
    const QString &shownFile() const { return m_shownFile; }
    bool isLoading() const;

Q_SIGNALS:
    // A key of the selected file was double-clicked (or Enter pressed on it).
    void keyActivated(const QString &key);
    void filesShown();                     // the tree shows a listing (for tests and status)
    void detailShown(const QString &path); // the detail of `path` is shown

private:
    void showTree(std::shared_ptr<const FileListing> listing, std::shared_ptr<const FileTree> tree);
    void showDetail(const FileDetail &detail);
    void showFileAt(const QModelIndex &index);
    void updateStatus();
    // The name paths of the folders open under `parent`, and opening them again.
    void collectExpanded(const QModelIndex &parent, const QString &path,
                         QSet<QString> &expanded) const;
    void restoreExpanded(const QModelIndex &parent, const QString &path,
                         const QSet<QString> &expanded);

    FileIndexLoader *m_loader;
    FilesModel *m_model;
    QLineEdit *m_search;
    QTreeView *m_files;
    QLabel *m_status;
    QLabel *m_detailHeader;
    QTreeWidget *m_detail;
    QTimer *m_searchDelay;
    bool m_stale = true; // the files shown (if any) are not those of the current source
    QString m_shownFile;
    QString m_requestedFile;
    QString m_note; // from the listing: why AST and CFG counts are missing
};

} // namespace magellan
