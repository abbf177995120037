#pragma once

#include "browse/file_text.h"
#include "browse/source_text.h"
#include "format/key_codec.h"

#include <QObject>
#include <QThread>

#include <memory>
#include <optional>
#include <string>

namespace magellan {

class KvStore;

// What the views show beside an AST, a function's CFG blocks or a chunk: the file's text, where it
// came from, and what the source says of the file and function.
struct LoadedSourceText {
    QString key;
    QString filePath;     // as graph_entities or the chunk key records it; empty when unknown
    QString functionName; // a cfg key's function
    std::optional<std::pair<qint64, qint64>> functionBytes; // its span, from graph_entities
    TextOrigin origin = TextOrigin::None;
    QString diskPath; // the file read, when the text came from disk
    FileHashCheck hash;
    std::shared_ptr<const SourceText> text; // null when there is none
    QString note;                           // why there is no text, or what is odd about it
};

// Finds the text of the file behind AST, CFG and chunk keys on a thread of its own: the file on
// disk (index root, beside the source, a chosen folder), else the store's chunks of it. Opens the
// source read-only for each request (a fresh snapshot) and closes it again; never writes.
class SourceTextLoader : public QObject {
    Q_OBJECT
public:
    explicit SourceTextLoader(QObject *parent = nullptr);
    ~SourceTextLoader() override; // quits and waits

    void setStore(std::shared_ptr<const KvStore> store, KeyLayout layout);
    void setSourcePath(const QString &path) { m_sourcePath = path; }
    void setChosenFolder(const QString &folder) { m_chosenFolder = folder; }
    const QString &chosenFolder() const { return m_chosenFolder; }
    // Looks up the text for `key`; a newer request supersedes an older one (its answer is
    // dropped).
    void load(const std::string &key);

Q_SIGNALS:
    void loaded(const magellan::LoadedSourceText &text);

private:
    QThread m_thread;
    QObject *m_context; // lives on m_thread: requests run there
    std::shared_ptr<const KvStore> m_store;
    KeyLayout m_layout = KeyLayout::Seed;
    QString m_sourcePath;
    QString m_chosenFolder;
    quint64 m_generation = 0;
};

// The text behind `key`, found as SourceTextLoader does, on the calling thread.
LoadedSourceText loadSourceText(const std::string &key, KeyLayout layout,
                                const std::shared_ptr<const KvStore> &store,
                                const QString &sourcePath, const QString &chosenFolder);

} // namespace magellan

Q_DECLARE_METATYPE(magellan::LoadedSourceText)
