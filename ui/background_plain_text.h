#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <memory>

class QFont;
class QPlainTextEdit;
class QTextDocument;
class QThread;

namespace magellan {

// `text` as a document a QPlainTextEdit shows (plain layout, `font`, no wrapping, every block's
// layout made), built on the calling thread and then handed to thread `owner`. Safe on a pool
// thread: the document has no parent.
std::shared_ptr<QTextDocument> plainTextDocument(const QString &text, const QFont &font,
                                                 QThread *owner);

// Puts text into a QPlainTextEdit without stalling the window: short text at once, long text laid
// out as a document on a pool thread and set into the edit when it is ready. A newer text
// supersedes one still being laid out. Lives as a child of the edit.
class BackgroundPlainText : public QObject {
    Q_OBJECT
public:
    // Text up to this many characters is set at once: laying it out costs less than a frame.
    static constexpr qsizetype immediateChars = 64 * 1024;

    explicit BackgroundPlainText(QPlainTextEdit *edit);
    ~BackgroundPlainText() override;

    // Shows `text` in the edit: now when short, else when laid out (shown() says when).
    void setText(const QString &text);
    // A text set is still being laid out.
    bool isPending() const { return m_pending; }

Q_SIGNALS:
    // The document of `blocks` blocks is about to go into the edit: the moment to size margins,
    // as resizing the edit's viewport after would lay every block out once more.
    void aboutToShow(int blocks);
    // The text last set is in the edit (emitted for short text too, before setText returns).
    void shown();

private:
    void install(std::shared_ptr<QTextDocument> document);

    QPlainTextEdit *m_edit;
    QFutureWatcher<std::shared_ptr<QTextDocument>> m_watcher;
    std::shared_ptr<QTextDocument> m_document; // the one shown, kept alive while it is
    quint64 m_generation = 0;
    quint64 m_watched = 0; // the generation m_watcher's result is for
    bool m_pending = false;
};

} // namespace magellan
