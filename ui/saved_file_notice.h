#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTimer;

namespace magellan {

class ElidedLabel;

// "Saved to PATH  [Open folder]" for a status bar: says where an export went and opens its folder
// in the file manager. Hides itself after a while.
class SavedFileNotice : public QWidget {
    Q_OBJECT
public:
    explicit SavedFileNotice(QWidget *parent = nullptr);

    void showSaved(const QString &path);
    const QString &path() const { return m_path; }
    QString text() const;
    QPushButton *openFolderButton() const { return m_openFolder; }

private:
    QString m_path;
    ElidedLabel *m_label;
    QPushButton *m_openFolder;
    QTimer *m_hideTimer;
};

} // namespace magellan
