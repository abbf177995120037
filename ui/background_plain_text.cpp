#include "background_plain_text.h"

#include <QFont>
#include <QPlainTextDocumentLayout>
#include <QPlainTextEdit>
#include <QSignalBlocker>
#include <QTextBlock>
#include <QTextDocument>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

namespace magellan {

std::shared_ptr<QTextDocument> plainTextDocument(const QString &text, const QFont &font,
                                                 QThread *owner) {
    // Deleted on its thread when that is not this one: a document is not thread-safe.
    std::shared_ptr<QTextDocument> document(new QTextDocument, [](QTextDocument *doc) {
        if (doc->thread() == QThread::currentThread())
            delete doc;
        else
            doc->deleteLater();
    });
    document->setUndoRedoEnabled(false);
    document->setDefaultFont(font);
    QTextOption option = document->defaultTextOption();
    option.setWrapMode(QTextOption::NoWrap); // as the edits show code: set later, it lays out again
    document->setDefaultTextOption(option);
    document->setDocumentLayout(new QPlainTextDocumentLayout(document.get()));
    document->setPlainText(text);
    // The edit lays every block out again when it takes the document; made here, it only clears.
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next())
        block.layout();
    document->moveToThread(owner);
    return document;
}

BackgroundPlainText::BackgroundPlainText(QPlainTextEdit *edit) : QObject(edit), m_edit(edit) {
    connect(&m_watcher, &QFutureWatcher<std::shared_ptr<QTextDocument>>::finished, this, [this] {
        if (m_watched == m_generation && m_watcher.future().resultCount() > 0)
            install(m_watcher.result());
    });
}

BackgroundPlainText::~BackgroundPlainText() {
    m_watcher.waitForFinished();
}

void BackgroundPlainText::setText(const QString &text) {
    ++m_generation;
    if (text.size() <= immediateChars) {
        install(plainTextDocument(text, m_edit->font(), m_edit->thread()));
        return;
    }
    m_pending = true;
    m_watched = m_generation;
    m_watcher.setFuture(
        QtConcurrent::run(plainTextDocument, text, m_edit->font(), m_edit->thread()));
}

void BackgroundPlainText::install(std::shared_ptr<QTextDocument> document) {
    m_pending = false;
    Q_EMIT aboutToShow(document->blockCount());
    m_edit->setExtraSelections({}); // they point into the document that is about to go
    {
        // Taking a document moves the cursor: not a person's move, so no one is told.
        const QSignalBlocker quiet(m_edit);
        m_edit->setDocument(document.get());
    }
    m_document = std::move(document); // the one before goes now that the edit has let it go
    Q_EMIT shown();
}

} // namespace magellan
