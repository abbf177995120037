#include "file_index_loader.h"

#include "source/source_database.h"
#include "store/kv_store.h"

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace magellan {
namespace {

constexpr int sourceLockTimeoutMs = 2000;
// Files counted before a listing is first shown: more than a screen of rows, a small part of the
// walk over a big store's chunk keys.
constexpr std::size_t firstScreenFiles = 2000;

// The source at `path` opened on the calling thread; null, with `note` saying why, when there
// is none or it cannot be opened.
std::unique_ptr<SourceDatabase> openSource(const QString &path, QString &note) {
    if (path.isEmpty())
        return nullptr;
    Result<std::unique_ptr<SourceDatabase>> source =
        SourceDatabase::open(path, sourceLockTimeoutMs);
    if (!source.isOk()) {
        note = source.status().message();
        return nullptr;
    }
    return std::move(source.value());
}

} // namespace

FileIndexLoader::FileIndexLoader(std::shared_ptr<const KvStore> store, KeyLayout layout,
                                 QObject *parent)
    : QObject(parent), m_store(std::move(store)), m_layout(layout) {
    connect(&m_treeWatcher, &QFutureWatcher<Loaded>::resultReadyAt, this,
            &FileIndexLoader::treeLoaded);
    connect(&m_detailWatcher, &QFutureWatcher<Described>::finished, this,
            &FileIndexLoader::detailLoaded);
}

FileIndexLoader::~FileIndexLoader() {
    for (const CancelFlag &flag : {m_treeCancel, m_detailCancel})
        if (flag)
            flag->store(true);
    m_treeWatcher.waitForFinished();
    m_detailWatcher.waitForFinished();
}

FileIndexLoader::CancelFlag FileIndexLoader::renew(CancelFlag &flag) {
    if (flag)
        flag->store(true);
    flag = std::make_shared<std::atomic<bool>>(false);
    return flag;
}

void FileIndexLoader::load(const QString &pattern) {
    m_listing.reset();
    m_pattern = pattern;
    m_loading = true;
    const quint64 generation = ++m_treeGeneration;
    const CancelCheck cancelled = [cancel = renew(m_treeCancel)] { return cancel->load(); };
    m_treeWatcher.setFuture(
        QtConcurrent::run([store = m_store, layout = m_layout, sourcePath = m_sourcePath, pattern,
                           cancelled, generation](QPromise<Loaded> &promise) {
            QString sourceNote;
            const std::unique_ptr<SourceDatabase> source = openSource(sourcePath, sourceNote);
            // With a source, the files first (no value read), then their counts.
            const std::vector<FileCounts> passes =
                source ? std::vector<FileCounts>{FileCounts::ChunksOnly, FileCounts::All}
                       : std::vector<FileCounts>{FileCounts::All};
            // The first pass shows its first files as soon as they are counted.
            const auto firstFiles = [&](FileListing listing) {
                if (!sourceNote.isEmpty())
                    listing.note = sourceNote;
                Result<FileTree> tree = FileTree::build(listing.files, PathPattern(pattern), {});
                Loaded loaded;
                loaded.generation = generation;
                loaded.pattern = pattern;
                loaded.listing = std::make_shared<const FileListing>(std::move(listing));
                loaded.tree = std::make_shared<const FileTree>(std::move(tree.value()));
                promise.addResult(std::move(loaded));
            };
            for (const FileCounts counts : passes) {
                Loaded loaded;
                loaded.generation = generation;
                loaded.pattern = pattern;
                ListingOptions options;
                options.counts = counts;
                if (counts == passes.front()) {
                    options.firstFiles = firstScreenFiles;
                    options.firstFilesReady = firstFiles;
                }
                Result<FileListing> listing =
                    fileindex::listFiles(*store, source.get(), layout, {}, cancelled, options);
                if (!listing.isOk()) {
                    loaded.cancelled = listing.status().code() == Status::Code::Cancelled;
                    loaded.error = listing.status().message();
                    promise.addResult(std::move(loaded));
                    return;
                }
                if (!sourceNote.isEmpty())
                    listing->note = sourceNote;
                Result<FileTree> tree =
                    FileTree::build(listing->files, PathPattern(pattern), cancelled);
                if (!tree.isOk()) {
                    loaded.cancelled = true;
                    promise.addResult(std::move(loaded));
                    return;
                }
                loaded.listing = std::make_shared<const FileListing>(std::move(listing.value()));
                loaded.tree = std::make_shared<const FileTree>(std::move(tree.value()));
                promise.addResult(std::move(loaded));
            }
        }));
}

void FileIndexLoader::filter(const QString &pattern) {
    if (!m_listing || m_listing->countsPending || m_listing->filesPending) {
        m_pattern = pattern; // applied once the listing is there
        if (!m_loading)
            load(pattern);
        return;
    }
    m_pattern = pattern;
    m_loading = true;
    const quint64 generation = ++m_treeGeneration;
    const CancelFlag cancel = renew(m_treeCancel);
    m_treeWatcher.setFuture(QtConcurrent::run([listing = m_listing, pattern, cancel, generation] {
        Loaded loaded;
        loaded.generation = generation;
        loaded.pattern = pattern;
        Result<FileTree> tree = FileTree::build(listing->files, PathPattern(pattern),
                                                [cancel] { return cancel->load(); });
        if (!tree.isOk()) {
            loaded.cancelled = true;
            return loaded;
        }
        loaded.listing = listing;
        loaded.tree = std::make_shared<const FileTree>(std::move(tree.value()));
        return loaded;
    }));
}

void FileIndexLoader::treeLoaded(int resultIndex) {
    const Loaded loaded = m_treeWatcher.resultAt(resultIndex);
    if (loaded.generation != m_treeGeneration || loaded.cancelled)
        return; // a superseded read's
    const bool last =
        !loaded.listing || (!loaded.listing->countsPending && !loaded.listing->filesPending);
    if (last)
        m_loading = false;
    if (!loaded.error.isEmpty()) {
        Q_EMIT loadFailed(loaded.error);
        return;
    }
    m_listing = loaded.listing;
    if (last && loaded.pattern != m_pattern) { // typed while the listing was read
        filter(m_pattern);
        return;
    }
    Q_EMIT treeReady(loaded.listing, loaded.tree);
}

void FileIndexLoader::describe(const std::string &path) {
    const CancelFlag cancel = renew(m_detailCancel);
    m_detailWatcher.setFuture(QtConcurrent::run([store = m_store, layout = m_layout,
                                                 sourcePath = m_sourcePath, path, cancel] {
        Described described;
        described.path = QString::fromStdString(path);
        QString sourceNote;
        const std::unique_ptr<SourceDatabase> source = openSource(sourcePath, sourceNote);
        Result<FileDetail> detail = fileindex::describeFile(*store, source.get(), layout, path,
                                                            [cancel] { return cancel->load(); });
        if (!detail.isOk()) {
            described.cancelled = detail.status().code() == Status::Code::Cancelled;
            described.error = detail.status().message();
            return described;
        }
        if (!sourceNote.isEmpty())
            detail->note = sourceNote;
        described.detail = std::make_shared<const FileDetail>(std::move(detail.value()));
        return described;
    }));
}

void FileIndexLoader::detailLoaded() {
    if (!m_detailWatcher.future().isFinished())
        return; // the signal of a superseded read
    const Described described = m_detailWatcher.result();
    if (described.cancelled)
        return;
    if (!described.error.isEmpty())
        Q_EMIT detailFailed(described.path, described.error);
    else
        Q_EMIT detailReady(described.detail);
}

} // namespace magellan
