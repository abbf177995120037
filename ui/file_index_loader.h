#pragma once

#include "browse/file_tree.h"
#include "format/key_codec.h"

#include <QFutureWatcher>
#include <QObject>

#include <atomic>
#include <memory>

namespace magellan {

class KvStore;

// Reads a store by file in the background (QtConcurrent's pool): the listing of every file,
// the folder tree of those matching a pattern, and one file's detail. A listing is shown in
// steps: its first files as soon as the walk over the chunk keys has counted a screenful, then
// every file with its chunks (and graph_entities' paths, no value read), then with a source the
// AST and function counts, which read every AST value. Each read opens the
// source on its own thread, for a fresh snapshot; a newer request supersedes and cancels an
// older one of its kind
// (its result is dropped: a watcher watches only the newest). Lives on the GUI thread; signals
// arrive there.
class FileIndexLoader : public QObject {
    Q_OBJECT
public:
    FileIndexLoader(std::shared_ptr<const KvStore> store, KeyLayout layout,
                    QObject *parent = nullptr);
    ~FileIndexLoader() override; // cancels what runs and waits for it

    // The source the next reads tie AST and CFG keys to files with ("" for none).
    void setSourcePath(const QString &path) { m_sourcePath = path; }
    // Lists every file again, then shows those matching `pattern`.
    void load(const QString &pattern);
    // Shows the files matching `pattern`, from the listing loaded (loading it first if need be).
    void filter(const QString &pattern);
    // Reads what the store keeps of the file at `path`.
    void describe(const std::string &path);
    bool isLoading() const { return m_loading; }
    bool hasListing() const { return bool(m_listing); }

Q_SIGNALS:
    void treeReady(std::shared_ptr<const magellan::FileListing> listing,
                   std::shared_ptr<const magellan::FileTree> tree);
    void loadFailed(const QString &message);
    void detailReady(std::shared_ptr<const magellan::FileDetail> detail);
    void detailFailed(const QString &path, const QString &message);

private:
    struct Loaded {
        quint64 generation = 0; // of the request
        std::shared_ptr<const FileListing> listing;
        std::shared_ptr<const FileTree> tree;
        QString pattern; // the tree's
        QString error;   // empty: loaded
        bool cancelled = false;
    };
    struct Described {
        std::shared_ptr<const FileDetail> detail;
        QString path;
        QString error;
        bool cancelled = false;
    };
    using CancelFlag = std::shared_ptr<std::atomic<bool>>;
    static CancelFlag renew(CancelFlag &flag);
    void treeLoaded(int resultIndex);
    void detailLoaded();

    std::shared_ptr<const KvStore> m_store;
    KeyLayout m_layout;
    QString m_sourcePath;
    std::shared_ptr<const FileListing> m_listing;
    QString m_pattern; // of the latest request
    bool m_loading = false;
    quint64 m_treeGeneration = 0; // of the newest tree request
    QFutureWatcher<Loaded> m_treeWatcher;
    QFutureWatcher<Described> m_detailWatcher;
    CancelFlag m_treeCancel, m_detailCancel; // of the read each watcher watches
};

} // namespace magellan
