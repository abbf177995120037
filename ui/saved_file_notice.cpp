#include "saved_file_notice.h"

#include "elided_label.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QPushButton>
#include <QTimer>
#include <QUrl>

namespace magellan {

SavedFileNotice::SavedFileNotice(QWidget *parent)
    : QWidget(parent), m_label(new ElidedLabel(this)),
      m_openFolder(new QPushButton(tr("Open &folder"), this)), m_hideTimer(new QTimer(this)) {
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_openFolder);
    m_openFolder->setFlat(true);
    m_hideTimer->setSingleShot(true);
    m_hideTimer->setInterval(30000);
    connect(m_hideTimer, &QTimer::timeout, this, &QWidget::hide);
    connect(m_openFolder, &QPushButton::clicked, this, [this] {
        QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(m_path).absolutePath()));
    });
    hide();
}

void SavedFileNotice::showSaved(const QString &path) {
    m_path = path;
    m_label->setFullText(tr("Saved to %1").arg(QDir::toNativeSeparators(path)));
    show();
    m_hideTimer->start();
}

QString SavedFileNotice::text() const {
    return m_label->fullText();
}

} // namespace magellan
