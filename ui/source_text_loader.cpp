#include "source_text_loader.h"

#include "source/entity_record.h"
#include "source/graph_entities.h"
#include "source/source_database.h"
#include "store/kv_store.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>

namespace magellan {
namespace {

QString gapText(const ByteGap &gap) {
    return QCoreApplication::translate("SourceTextLoader",
                                       "⋯ bytes %1–%2: no chunk of the store covers them ⋯")
        .arg(QLocale().toString(gap.start), QLocale().toString(gap.end));
}

// The file's text from the store's chunks; a note when it has none.
void fromChunks(LoadedSourceText &loaded, const KvStore &store, const QString &why) {
    int unreadable = 0;
    Result<std::vector<TextPiece>> pieces =
        storedChunkPieces(store, loaded.filePath.toStdString(), &unreadable);
    if (!pieces.isOk() || pieces->empty()) {
        loaded.origin = TextOrigin::None;
        loaded.note = why;
        return;
    }
    loaded.origin = TextOrigin::StoreChunks;
    loaded.text = std::make_shared<const SourceText>(
        SourceText::fromPieces(std::move(pieces.value()), gapText));
    loaded.note = why;
}

} // namespace

LoadedSourceText loadSourceText(const std::string &key, KeyLayout layout,
                                const std::shared_ptr<const KvStore> &store,
                                const QString &sourcePath, const QString &chosenFolder) {
    LoadedSourceText loaded;
    loaded.key = QString::fromStdString(key);
    const std::optional<kvkey::KeyOrigin> origin = kvkey::parseKey(key, layout);
    if (!origin) {
        loaded.note = QStringLiteral("this key stands for no file");
        return loaded;
    }
    FileLocation location;
    location.chosenFolder = chosenFolder;
    if (origin->kind == kvkey::KeyOrigin::Kind::Chunk)
        loaded.filePath = QString::fromStdString(origin->chunk.path);

    std::unique_ptr<SourceDatabase> source;
    if (!sourcePath.isEmpty()) {
        Result<std::unique_ptr<SourceDatabase>> opened = SourceDatabase::open(sourcePath, 2000);
        if (opened.isOk())
            source = std::move(opened.value());
        else
            loaded.note = opened.status().message();
    }
    if (source) {
        location.sourceFolder = QFileInfo(sourcePath).absolutePath();
        if (Result<std::optional<QString>> root = readIndexRoot(*source);
            root.isOk() && root.value())
            location.indexRoot = *root.value();
        std::optional<std::int64_t> fileId;
        if (origin->kind == kvkey::KeyOrigin::Kind::Group && origin->groupId &&
            origin->table == SourceTable::AstNodes)
            fileId = origin->groupId;
        if (origin->kind == kvkey::KeyOrigin::Kind::Group && origin->groupId &&
            origin->table == SourceTable::CfgBlocks) {
            Result<std::optional<EntityRecord>> function =
                readEntityRecord(*source, *origin->groupId);
            if (function.isOk() && function.value()) {
                loaded.functionName = function.value()->name;
                loaded.filePath = function.value()->path();
                if (function.value()->byteStart && function.value()->byteEnd)
                    loaded.functionBytes.emplace(*function.value()->byteStart,
                                                 *function.value()->byteEnd);
            }
        }
        if (!fileId && !loaded.filePath.isEmpty()) {
            // The path's File entity, the latest when the file was indexed again.
            if (auto entities = GraphEntities::open(*source); entities.isOk())
                if (auto ids = entities.value()->filesAt(loaded.filePath.toStdString());
                    ids.isOk() && !ids->empty())
                    fileId = ids->back();
        }
        if (fileId) {
            Result<std::optional<EntityRecord>> file = readEntityRecord(*source, *fileId);
            if (file.isOk() && file.value()) {
                if (loaded.filePath.isEmpty())
                    loaded.filePath = file.value()->path();
                location.recordedHash = file.value()->hash.value_or(QString());
            }
        }
    }
    if (loaded.filePath.isEmpty()) {
        if (loaded.note.isEmpty())
            loaded.note = sourcePath.isEmpty()
                              ? QStringLiteral("no source database is known, so the file of this "
                                               "key is not known")
                              : QStringLiteral("the source names no file for this key");
        return loaded;
    }
    location.recordedPath = loaded.filePath;
    Result<FileOnDisk> file = readFileText(location);
    if (file.isOk()) {
        loaded.origin = file->origin;
        loaded.diskPath = file->path;
        loaded.hash = file->hash;
        loaded.text = std::make_shared<const SourceText>(SourceText::fromBytes(file->bytes));
        return loaded;
    }
    if (store)
        fromChunks(loaded, *store, file.status().message());
    else
        loaded.note = file.status().message();
    return loaded;
}

SourceTextLoader::SourceTextLoader(QObject *parent) : QObject(parent), m_context(new QObject) {
    qRegisterMetaType<LoadedSourceText>();
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("magellan-kv source text"));
    m_thread.start();
}

SourceTextLoader::~SourceTextLoader() {
    m_thread.quit();
    m_thread.wait();
}

void SourceTextLoader::setStore(std::shared_ptr<const KvStore> store, KeyLayout layout) {
    m_store = std::move(store);
    m_layout = layout;
}

void SourceTextLoader::load(const std::string &key) {
    const quint64 generation = ++m_generation;
    QMetaObject::invokeMethod(m_context, [this, generation, key, layout = m_layout, store = m_store,
                                          sourcePath = m_sourcePath, chosen = m_chosenFolder] {
        LoadedSourceText loaded = loadSourceText(key, layout, store, sourcePath, chosen);
        QMetaObject::invokeMethod(this, [this, generation, loaded = std::move(loaded)] {
            if (generation == m_generation)
                Q_EMIT this->loaded(loaded);
        });
    });
}

} // namespace magellan
