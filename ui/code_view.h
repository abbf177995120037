#pragma once

#include <QPlainTextEdit>

#include <utility>
#include <vector>

namespace magellan {

// Read-only source text in a monospace font with line numbers in a margin.
class CodeView : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit CodeView(QWidget *parent = nullptr);
    int lineNumberWidth() const;
    void paintLineNumbers(QPaintEvent *event);

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

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    QString numberOf(int block) const;

    QWidget *m_margin;
    std::vector<int> m_lineNumbers;
    int m_firstLine = 1;
    int m_widestNumber = 0;
    bool m_movingCursor = false;
    std::pair<qsizetype, qsizetype> m_highlight{0, 0};
};

} // namespace magellan
