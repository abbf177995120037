#include "code_view.h"

#include "background_plain_text.h"

#include <QFontDatabase>
#include <QPainter>
#include <QTextBlock>

#include <algorithm>

namespace magellan {
namespace {

constexpr int longTextBlocks = 1000; // more lines than any screen shows at once

class LineNumberMargin : public QWidget {
public:
    explicit LineNumberMargin(CodeView *view) : QWidget(view), m_view(view) {}
    QSize sizeHint() const override { return {m_view->lineNumberWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_view->paintLineNumbers(event); }

private:
    CodeView *m_view;
};

} // namespace

CodeView::CodeView(QWidget *parent)
    : QPlainTextEdit(parent), m_margin(new LineNumberMargin(this)),
      m_background(new BackgroundPlainText(this)) {
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    connect(this, &QPlainTextEdit::blockCountChanged, this,
            [this] { setViewportMargins(lineNumberWidth(), 0, 0, 0); });
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect &rect, int dy) {
        if (dy)
            m_margin->scroll(0, dy);
        else
            m_margin->update(0, rect.y(), m_margin->width(), rect.height());
    });
    setViewportMargins(lineNumberWidth(), 0, 0, 0);
    // A caret the arrow keys move, so a person can walk the text by keyboard.
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, [this] {
        if (!m_movingCursor)
            Q_EMIT cursorMovedByUser(textCursor().position());
    });
    connect(m_background, &BackgroundPlainText::aboutToShow, this, [this](int blocks) {
        // The viewport takes its final width now, while the document is small: a scroll bar
        // appearing later would narrow it and lay every block of the long text out again.
        setVerticalScrollBarPolicy(blocks > longTextBlocks ? Qt::ScrollBarAlwaysOn
                                                           : Qt::ScrollBarAsNeeded);
        setViewportMargins(lineNumberWidth(blocks), 0, 0, 0);
    });
    connect(m_background, &BackgroundPlainText::shown, this, [this] {
        m_highlight = {0, 0};
        m_margin->update();
        Q_EMIT textShown();
    });
}

void CodeView::showText(const QString &text) {
    m_background->setText(text);
}

bool CodeView::isTextPending() const {
    return m_background->isPending();
}

void CodeView::setLineNumbers(std::vector<int> numbers, int firstLine) {
    m_lineNumbers = std::move(numbers);
    m_firstLine = firstLine;
    m_widestNumber =
        m_lineNumbers.empty() ? 0 : *std::max_element(m_lineNumbers.begin(), m_lineNumbers.end());
    if (viewportMargins().left() != lineNumberWidth()) // a new width lays every block out again
        setViewportMargins(lineNumberWidth(), 0, 0, 0);
    m_margin->update();
}

QString CodeView::numberOf(int block) const {
    if (m_lineNumbers.empty())
        return QString::number(block + m_firstLine);
    if (block < 0 || block >= static_cast<int>(m_lineNumbers.size()) || m_lineNumbers[block] <= 0)
        return QStringLiteral("·");
    return QString::number(m_lineNumbers[block]);
}

void CodeView::highlightRange(qsizetype from, qsizetype to, bool scroll) {
    m_highlight = {from, to};
    QList<QTextEdit::ExtraSelection> selections;
    if (to > from) {
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(document());
        selection.cursor.setPosition(int(qMin<qsizetype>(from, document()->characterCount() - 1)));
        selection.cursor.setPosition(int(qMin<qsizetype>(to, document()->characterCount() - 1)),
                                     QTextCursor::KeepAnchor);
        selection.format.setBackground(palette().color(QPalette::Highlight));
        selection.format.setForeground(palette().color(QPalette::HighlightedText));
        selections << selection;
        if (scroll) {
            // The end first, then the start: a range taller than the view shows its start.
            m_movingCursor = true;
            QTextCursor at(document());
            at.setPosition(selection.cursor.selectionEnd());
            setTextCursor(at);
            ensureCursorVisible();
            at.setPosition(selection.cursor.selectionStart());
            setTextCursor(at);
            ensureCursorVisible();
            m_movingCursor = false;
        }
    }
    setExtraSelections(selections);
}

int CodeView::lineNumberWidth() const {
    return lineNumberWidth(blockCount());
}

int CodeView::lineNumberWidth(int blocks) const {
    const int widest = qMax(qMax(1, blocks) + m_firstLine - 1, m_widestNumber);
    const int digits = QString::number(widest).size();
    return 12 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * digits;
}

void CodeView::resizeEvent(QResizeEvent *event) {
    QPlainTextEdit::resizeEvent(event);
    const QRect area = contentsRect();
    m_margin->setGeometry(QRect(area.left(), area.top(), lineNumberWidth(), area.height()));
}

void CodeView::paintLineNumbers(QPaintEvent *event) {
    QPainter painter(m_margin);
    painter.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
    painter.setPen(palette().color(QPalette::PlaceholderText));
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    while (block.isValid() && top <= event->rect().bottom()) {
        const int height = qRound(blockBoundingRect(block).height());
        if (block.isVisible())
            painter.drawText(0, top, m_margin->width() - 6, fontMetrics().height(), Qt::AlignRight,
                             numberOf(block.blockNumber()));
        top += height;
        block = block.next();
    }
}

} // namespace magellan
