#pragma once

#include <QPlainTextEdit>

namespace magellan {

// Read-only source text in a monospace font with line numbers in a margin.
class CodeView : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit CodeView(QWidget *parent = nullptr);
    int lineNumberWidth() const;
    void paintLineNumbers(QPaintEvent *event);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    QWidget *m_margin;
};

} // namespace magellan
