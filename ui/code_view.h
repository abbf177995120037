#pragma once

#include <QPlainTextEdit>

#include <utility>
#include <vector>

namespace magellan {

class BackgroundPlainText;

// Read-only source text in a monospace font with line numbers in a margin.
class CodeView : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit CodeView(QWidget *parent = nullptr);
    int lineNumberWidth() const;
    // The margin's width for `blocks` blocks with the line numbers set.
    int lineNumberWidth(int blocks) const;
    void paintLineNumbers(QPaintEvent *event);

    // Shows `text`: at once when short, else laid out off the GUI thread (textShown() says when
    // it is in the view; until then the view keeps what it showed). Clears the mark.
    void showText(const QString &text);
    // Text given to showText() is still being laid out.
    bool isTextPending() const;

    // The number shown beside each block: the file's line numbers, 0 for a block without one
    // (shown as a dot). Empty: blocks are numbered from `firstLine`.
    void setLineNumbers(std::vector<int> numbers, int firstLine = 1);
    // Marks the shown range [from, to) in the palette's highlight colours and scrolls it into view
    // (its start, when it is taller than the view); an empty range clears the mark.
    void highlightRange(qsizetype from, qsizetype to, bool scroll = true);
    std::pair<qsizetype, qsizetype> highlightedRange() const { return m_highlight; }
    int firstLineNumber() const { return m_firstLine; }

Q_SIGNALS:
    // The text cursor moved by the keyboard or mouse (not by highlightRange) to `position`.
    void cursorMovedByUser(qsizetype position);
    // The text last given to showText() is in the view.
    void textShown();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    QString numberOf(int block) const;

    QWidget *m_margin;
    BackgroundPlainText *m_background;
    std::vector<int> m_lineNumbers;
    int m_firstLine = 1;
    int m_widestNumber = 0;
    bool m_movingCursor = false;
    std::pair<qsizetype, qsizetype> m_highlight{0, 0};
};

} // namespace magellan
