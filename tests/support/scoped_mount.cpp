#include "scoped_mount.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <sched.h>
#include <sys/mount.h>

namespace magellan::test {
namespace {

QString systemError(const char *what) {
    return QStringLiteral("%1: %2").arg(QLatin1String(what),
                                        QString::fromLocal8Bit(strerror(errno)));
}

} // namespace

QString enterPrivateMountNamespace() {
    if (::unshare(CLONE_NEWNS) != 0)
        return systemError("unshare(CLONE_NEWNS)");
    // Without this, mounts made here would still propagate back to the shared namespace.
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
        return systemError("making / private");
    return {};
}

ScopedMount::ScopedMount(QString target, bool mounted, QString error)
    : m_target(std::move(target)), m_mounted(mounted), m_error(std::move(error)) {}

ScopedMount::ScopedMount(ScopedMount &&other) noexcept
    : m_target(std::move(other.m_target)), m_mounted(other.m_mounted),
      m_error(std::move(other.m_error)) {
    other.m_mounted = false;
}

ScopedMount::~ScopedMount() {
    if (m_mounted)
        ::umount2(QFile::encodeName(m_target).constData(), MNT_DETACH);
}

ScopedMount ScopedMount::tmpfs(const QString &target, qint64 bytes) {
    const QByteArray options = "size=" + QByteArray::number(bytes);
    if (::mount("tmpfs", QFile::encodeName(target).constData(), "tmpfs", MS_NOSUID | MS_NODEV,
                options.constData()) != 0)
        return ScopedMount(target, false, systemError("mounting a tmpfs"));
    return ScopedMount(target, true, {});
}

ScopedMount ScopedMount::readOnlyBind(const QString &source, const QString &target) {
    const QByteArray to = QFile::encodeName(target);
    if (::mount(QFile::encodeName(source).constData(), to.constData(), nullptr, MS_BIND, nullptr) !=
        0)
        return ScopedMount(target, false, systemError("bind-mounting the folder"));
    ScopedMount mount(target, true, {});
    // A bind mount takes read-only only on a remount.
    if (::mount(nullptr, to.constData(), nullptr, MS_REMOUNT | MS_BIND | MS_RDONLY, nullptr) != 0)
        return ScopedMount(target, false, systemError("remounting the folder read-only"));
    return mount;
}

} // namespace magellan::test
