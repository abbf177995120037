#include "recent_menu.h"

#include <QCoreApplication>
#include <QDir>
#include <QMenu>

namespace magellan {

void fillRecentMenu(QMenu *menu, const RecentFiles &recent,
                    const std::function<void(const QString &)> &open) {
    menu->clear();
    const QStringList paths = recent.paths();
    for (const QString &path : paths)
        menu->addAction(QDir::toNativeSeparators(path), menu, [open, path] { open(path); });
    if (!paths.isEmpty())
        menu->addSeparator();
    QAction *clear =
        menu->addAction(QCoreApplication::translate("magellan::RecentMenu", "&Clear Recent"), menu,
                        [menu, recent, open] {
                            RecentFiles(recent).clear();
                            fillRecentMenu(menu, recent, open);
                        });
    clear->setEnabled(!paths.isEmpty());
}

void keepRecentMenu(QMenu *menu, RecentFiles recent, std::function<void(const QString &)> open) {
    QObject::connect(menu, &QMenu::aboutToShow, menu,
                     [menu, recent, open] { fillRecentMenu(menu, recent, open); });
    fillRecentMenu(menu, recent, open);
}

} // namespace magellan
